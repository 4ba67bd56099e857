using System.Buffers.Binary;
using System.Numerics;
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
/// One pool belongs to one reader on one thread.
/// </remarks>
internal sealed class Utf8StringPool
{
    /// <summary>Longer text is not an id: it is allocated without pooling.</summary>
    public const int MaxPooledLength = 48;

    private const int MaxProbes = 16;

    private Entry[] _entries = new Entry[1024];
    private int _count;
    private string _last = string.Empty;

    /// <summary>The string for <paramref name="utf8"/> (unescaped UTF-8 text): the pooled instance when there is one.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxPooledLength || utf8.IsEmpty)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        // Records naming the same id tend to be together (an offender's visits): try the last one first.
        var last = _last;
        if (last.Length == utf8.Length && Ascii.Equals(utf8, last))
        {
            return last;
        }

        var hash = Hash(utf8);
        var entries = _entries;
        var mask = entries.Length - 1;
        var slot = hash & mask;
        for (var probe = 0; probe < MaxProbes; probe++)
        {
            ref var entry = ref entries[slot];
            if (entry.Text is not { } pooled)
            {
                return Add(utf8, hash, slot);
            }

            if (entry.Hash == hash && pooled.Length == utf8.Length && Ascii.Equals(utf8, pooled))
            {
                _last = pooled;
                return pooled;
            }

            slot = (slot + 1) & mask;
        }

        return Encoding.UTF8.GetString(utf8);
    }

    private string Add(ReadOnlySpan<byte> utf8, int hash, int slot)
    {
        if (!Ascii.IsValid(utf8))
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var created = Encoding.ASCII.GetString(utf8);
        _entries[slot] = new(hash, created);
        _last = created;
        if (++_count * 2 > _entries.Length)
        {
            Grow();
        }

        return created;
    }

    private void Grow()
    {
        var old = _entries;
        _entries = new Entry[old.Length * 2];
        var mask = _entries.Length - 1;
        foreach (var entry in old)
        {
            if (entry.Text is not null)
            {
                var slot = entry.Hash & mask;
                while (_entries[slot].Text is not null)
                {
                    slot = (slot + 1) & mask;
                }

                _entries[slot] = entry;
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

        hash ^= hash >> 32;
        hash *= Multiplier;
        return (int)(hash >> 33);
    }

    /// <summary>A pooled string and its hash, side by side so that a probe touches one place in memory.</summary>
    private readonly record struct Entry(int Hash, string? Text);
}
