using System.Buffers.Binary;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace Safeguarding.Rules.Serialization;

/// <summary>
/// One string per distinct identifier in a document: reading <c>"RSO-000001"</c> for the offender and again for each
/// of its visits and briefings gives the same string instance, and a manager's or a team's id is one string however
/// many records name it. A snapshot's ids repeat (every visit names its offender), so most of the strings a reader
/// would allocate are copies; they would all live as long as the snapshot, which is the costliest garbage-collector
/// work there is (each survivor is copied as it is promoted). Equal strings that are one instance also compare at once
/// (reference equality) when the evaluation looks them up. Measured on a 100,000-offender file
/// (benchmarks/RESULTS.md, branch <c>cold</c>).
/// </summary>
/// <remarks>
/// Only short ASCII text is pooled (ids are), compared byte for byte, so a pooled string is exactly the text the
/// document holds. The hash is not keyed, so a crafted document could make ids collide: a probe gives up after a few
/// steps and allocates the string as a reader without a pool would, so collisions cost time, never correctness.
/// One pool belongs to one reader on one thread; only <see cref="Find(ReadOnlySpan{char}, ref int)"/> may be called from
/// several at once, once <see cref="TableAll"/> has put every declared id in the table.
/// </remarks>
internal sealed class Utf8StringPool
{
    /// <summary>Longer text is not an id: it is allocated without pooling.</summary>
    public const int MaxPooledLength = 48;

    private const int MaxProbes = 64;

    /// <summary>How many pooled ids after a caller's last one are tried before the hash table.</summary>
    private const int LookAhead = 3;

    /// <summary>The hash table: each slot a pooled id's hash and its place in the order first seen, plus one (0: empty).</summary>
    private Slot[] _slots;

    /// <summary>The pooled ids' <see cref="Key"/>s in the order first seen: what a look-up compares, instead of the strings.</summary>
    private Key[] _keys;

    /// <summary>The pooled strings in the order first seen.</summary>
    private string[] _ordered;
    private int _count;

    /// <summary>How many of the pooled ids (the first ones) are in the hash table: the rest were declared (see <see cref="GetDeclared(ReadOnlySpan{byte}, ref int)"/>) and are tabled when first needed.</summary>
    private int _tabled;

    /// <summary>Whether an id was added by a look-up (<see cref="Get(ReadOnlySpan{byte}, ref int)"/>): a declaration may then repeat a pooled id.</summary>
    private bool _addedByLookUp;

    /// <summary>A pool that starts small and grows as ids are added.</summary>
    public Utf8StringPool()
        : this(0)
    {
    }

    /// <summary>
    /// A pool sized for about <paramref name="expected"/> ids, so that reading a large document does not grow it id by id:
    /// each doubling copies the table and leaves the old one, a large object, to a full collection.
    /// </summary>
    public Utf8StringPool(int expected)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(expected, MinSize, MaxPresized));
        _slots = new Slot[size * 2];
        _keys = new Key[size];
        _ordered = new string[size];
    }

    /// <summary>The fewest ids a pool is sized for (a 1 KB table): a snapshot has few teams or custody suites, and a small document few ids of any kind.</summary>
    private const int MinSize = 64;

    /// <summary>The most ids a pool is sized for up front (a 16 MB table, and 16 MB of keys); beyond, it grows.</summary>
    private const int MaxPresized = 1 << 20;

    /// <summary>
    /// The string for <paramref name="utf8"/> (unescaped UTF-8 text): the pooled instance when there is one.
    /// <paramref name="cursor"/> is the caller's place in the order the ids were first seen (one per field, starting
    /// at 0): exports list records in some order and repeat it (an offender's visits together, the offenders' visits
    /// in the offenders' order), so the id is mostly the caller's last one or one of the next few, found in memory
    /// read in sequence instead of a probe into the table.
    /// </summary>
    [MethodImpl(PerRecord.Compiled)]
    public string Get(ReadOnlySpan<byte> utf8, ref int cursor)
    {
        if (utf8.Length > MaxPooledLength || utf8.IsEmpty)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var key = Key.Of(utf8);
        if (Near(utf8, key, ref cursor) is { } near)
        {
            return near;
        }

        TablePending();
        var found = Probe(utf8, key, ref cursor, out var hash, out var slot);
        if (found is null && slot >= 0 && Add(utf8, key, ref cursor) is { } added)
        {
            _slots[slot] = new(hash, _count);
            _tabled = _count;
            _addedByLookUp = true;
            GrowIfFull();
            return added;
        }

        return found ?? Encoding.UTF8.GetString(utf8);
    }

    /// <summary>
    /// As <see cref="Get(ReadOnlySpan{byte}, ref int)"/> for an id its record declares (an offender's own id), which is
    /// mostly new: unless the pool holds ids that records named before this one was declared, it is pooled without a
    /// probe into the table, which at 1,000,000 offenders is a cache miss per offender (benchmarks/RESULTS.md, session
    /// 15), and tabled with the others like it when a look-up first needs the table, in one pass. A declaration that
    /// repeats an earlier one (a duplicate, which the checks report) gets a string of its own.
    /// </summary>
    [MethodImpl(PerRecord.Compiled)]
    public string GetDeclared(ReadOnlySpan<byte> utf8, ref int cursor)
    {
        if (_addedByLookUp || utf8.Length > MaxPooledLength || utf8.IsEmpty)
        {
            return Get(utf8, ref cursor);
        }

        var key = Key.Of(utf8);
        return Near(utf8, key, ref cursor) ?? Add(utf8, key, ref cursor) ?? Encoding.UTF8.GetString(utf8);
    }

    /// <summary>As <see cref="GetDeclared(ReadOnlySpan{byte}, ref int)"/> for text already decoded (a CSV cell).</summary>
    public string GetDeclared(ReadOnlySpan<char> text, ref int cursor) => GetText(text, ref cursor, declared: true);

    /// <summary>Puts every declared id in the table, so that <see cref="Find(ReadOnlySpan{char}, ref int)"/> may be called from several threads.</summary>
    public void TableAll() => TablePending();

    /// <summary>
    /// The pooled string for <paramref name="text"/>, or <see langword="null"/> when the pool has none. It never adds,
    /// so several threads may call it at once while no thread calls <c>Get</c>: a CSV folder's files are read in
    /// parallel once the files that name the ids first (offenders, managers) are read.
    /// </summary>
    [MethodImpl(PerRecord.Compiled)]
    public string? Find(ReadOnlySpan<char> text, ref int cursor)
    {
        if (text.Length > MaxPooledLength || text.IsEmpty || !Ascii.IsValid(text))
        {
            return null;
        }

        Span<byte> utf8 = stackalloc byte[MaxPooledLength];
        var length = Encoding.ASCII.GetBytes(text, utf8);
        return Find(utf8[..length], ref cursor);
    }

    /// <summary>As <see cref="Find(ReadOnlySpan{char}, ref int)"/> for UTF-8 text: a large JSON document's two parts look the offenders' ids up at once.</summary>
    [MethodImpl(PerRecord.Compiled)]
    public string? Find(ReadOnlySpan<byte> utf8, ref int cursor)
    {
        if (utf8.Length > MaxPooledLength || utf8.IsEmpty)
        {
            return null;
        }

        var key = Key.Of(utf8);
        Debug.Assert(_tabled == _count, "Find looks in the table: declared ids must be tabled first (TableAll).");
        return Near(utf8, key, ref cursor) ?? Probe(utf8, key, ref cursor, out _, out _);
    }

    /// <summary>The pooled string for <paramref name="utf8"/> among the caller's last id and the few after it, or <see langword="null"/>.</summary>
    /// <remarks>
    /// Look-ups compare <see cref="Key"/>s kept side by side, not the pooled strings: a reader allocates its records
    /// between look-ups, so the strings of ids first seen in no order (an offender's neighbourhood) lie all over the
    /// heap, and comparing one was a cache miss (benchmarks/RESULTS.md, session 15). Only an id longer than a key holds
    /// is compared with its string too, once its key matched.
    /// </remarks>
    private string? Near(ReadOnlySpan<byte> utf8, Key key, ref int cursor)
    {
        var keys = _keys;
        var last = Math.Min(cursor + LookAhead, _count - 1);
        for (var at = cursor; at <= last; at++)
        {
            if (keys[at] == key && (utf8.Length <= Key.WholeLength || Ascii.Equals(utf8, _ordered[at])))
            {
                cursor = at;
                return _ordered[at];
            }
        }

        return null;
    }

    /// <summary>The pooled string for <paramref name="utf8"/> in the table, or <see langword="null"/> with the free slot it would take (-1 when the probe gave up).</summary>
    private string? Probe(ReadOnlySpan<byte> utf8, Key key, ref int cursor, out int hash, out int slot)
    {
        hash = HashOf(utf8, key);
        var slots = _slots;
        var keys = _keys;
        var mask = slots.Length - 1;
        slot = hash & mask;
        for (var probe = 0; probe < MaxProbes; probe++)
        {
            var entry = slots[slot];
            if (entry.OrderPlusOne == 0)
            {
                return null;
            }

            var order = entry.OrderPlusOne - 1;
            if (entry.Hash == hash && keys[order] == key && (utf8.Length <= Key.WholeLength || Ascii.Equals(utf8, _ordered[order])))
            {
                cursor = order;
                return _ordered[order];
            }

            slot = (slot + 1) & mask;
        }

        slot = -1;
        return null;
    }

    private static int HashOf(ReadOnlySpan<byte> utf8, Key key) => utf8.Length <= Key.WholeLength ? key.Hash() : Hash(utf8);

    /// <summary>
    /// As <see cref="Get(ReadOnlySpan{byte}, ref int)"/> for text already decoded (a CSV cell): the same pool holds
    /// both, since an ASCII id's characters are its bytes.
    /// </summary>
    public string Get(ReadOnlySpan<char> text, ref int cursor) => GetText(text, ref cursor, declared: false);

    /// <summary>The text path of <c>Get</c> and <c>GetDeclared</c>: an ASCII id's characters are its bytes; other text is not pooled.</summary>
    [MethodImpl(PerRecord.Compiled)]
    private string GetText(ReadOnlySpan<char> text, ref int cursor, bool declared)
    {
        if (text.Length > MaxPooledLength || text.IsEmpty || !Ascii.IsValid(text))
        {
            return new string(text);
        }

        Span<byte> utf8 = stackalloc byte[MaxPooledLength];
        var bytes = utf8[..Encoding.ASCII.GetBytes(text, utf8)];
        return declared ? GetDeclared(bytes, ref cursor) : Get(bytes, ref cursor);
    }

    /// <summary>Pools <paramref name="utf8"/> as a new id, not yet in the table; <see langword="null"/> when it is not ASCII (not pooled).</summary>
    [MethodImpl(PerRecord.Compiled)]
    private string? Add(ReadOnlySpan<byte> utf8, Key key, ref int cursor)
    {
        if (!Ascii.IsValid(utf8))
        {
            return null;
        }

        var created = Encoding.ASCII.GetString(utf8);
        if (_count == _ordered.Length)
        {
            Array.Resize(ref _ordered, _ordered.Length * 2);
            Array.Resize(ref _keys, _keys.Length * 2);
        }

        _keys[_count] = key;
        _ordered[_count] = created;
        cursor = _count++;
        return created;
    }

    /// <summary>Puts the declared ids not yet in the table into it (see <see cref="GetDeclared(ReadOnlySpan{byte}, ref int)"/>).</summary>
    private void TablePending()
    {
        if (_tabled == _count)
        {
            return;
        }

        GrowIfFull();
        var slots = _slots;
        var mask = slots.Length - 1;
        Span<byte> utf8 = stackalloc byte[MaxPooledLength];
        for (var order = _tabled; order < _count; order++)
        {
            var text = _ordered[order];
            var key = _keys[order];
            var hash = text.Length <= Key.WholeLength ? key.Hash() : Hash(utf8[..Encoding.ASCII.GetBytes(text, utf8)]);
            var slot = hash & mask;
            for (var probe = 0; probe < MaxProbes && slots[slot].OrderPlusOne != 0; probe++)
            {
                slot = (slot + 1) & mask;
            }

            // A declaration whose probe gives up (colliding ids) stays out of the table, as a string the pool does not share.
            if (slots[slot].OrderPlusOne == 0)
            {
                slots[slot] = new(hash, order + 1);
            }
        }

        _tabled = _count;
    }

    /// <summary>Doubles the table until it is at most half full with every pooled id.</summary>
    private void GrowIfFull()
    {
        if (_count * 2 <= _slots.Length)
        {
            return;
        }

        var old = _slots;
        var size = old.Length;
        while (_count * 2 > size)
        {
            size *= 2;
        }

        _slots = new Slot[size];
        var mask = size - 1;
        foreach (var entry in old)
        {
            if (entry.OrderPlusOne != 0)
            {
                var slot = entry.Hash & mask;
                while (_slots[slot].OrderPlusOne != 0)
                {
                    slot = (slot + 1) & mask;
                }

                _slots[slot] = entry;
            }
        }
    }

    /// <summary>A fast hash of at most <see cref="MaxPooledLength"/> bytes, eight at a time.</summary>
    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15;
        var hash = (ulong)utf8.Length * Multiplier;
        while (utf8.Length >= sizeof(ulong))
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(utf8)) * Multiplier, 29);
            utf8 = utf8[sizeof(ulong)..];
        }

        if (!utf8.IsEmpty)
        {
            Span<byte> tail = stackalloc byte[sizeof(ulong)];
            tail.Clear();
            utf8.CopyTo(tail);
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(tail)) * Multiplier, 29);
        }

        return Finish(hash);
    }

    /// <summary>
    /// MurmurHash3's finaliser, to a non-negative <see cref="int"/>: every input bit reaches the low bits that pick the
    /// slot (sequential ids differ only in their last bytes).
    /// </summary>
    private static int Finish(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCD;
        hash ^= hash >> 33;
        hash *= 0xC4CEB9FE1A85EC53;
        hash ^= hash >> 33;
        return (int)(hash & int.MaxValue);
    }

    /// <summary>A slot of the hash table: a pooled id's hash and its place in the order first seen, plus one (0: an empty slot).</summary>
    private readonly record struct Slot(int Hash, int OrderPlusOne);

    /// <summary>
    /// An id's first <see cref="WholeLength"/> bytes (zeros after its end) and its length, in 16 bytes: for an id of up to
    /// that length (offenders', managers', teams' ids usually are) equal keys are equal ids; a longer id's key is its
    /// prefix and length, and its string is compared too.
    /// </summary>
    private readonly record struct Key(ulong Low, ulong High)
    {
        /// <summary>The longest id a key holds whole.</summary>
        public const int WholeLength = 15;

        [MethodImpl(PerRecord.Compiled)]
        public static Key Of(ReadOnlySpan<byte> utf8)
        {
            Span<byte> bytes = stackalloc byte[16];
            bytes.Clear();
            utf8[..Math.Min(utf8.Length, WholeLength)].CopyTo(bytes);
            bytes[WholeLength] = (byte)utf8.Length; // At most MaxPooledLength.
            return new(BinaryPrimitives.ReadUInt64LittleEndian(bytes), BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]));
        }

        /// <summary>The hash of an id the key holds whole: both halves mixed, then <see cref="Finish"/>.</summary>
        [MethodImpl(PerRecord.Compiled)]
        public int Hash() => Finish((Low * 0x9E3779B97F4A7C15) ^ BitOperations.RotateLeft(High * 0xC2B2AE3D27D4EB4F, 31));
    }
}
