using System.Runtime.CompilerServices;

namespace Safeguarding.Rules.Serialization;

/// <summary>What an id that other records name belongs to; each kind has its own pool (see <see cref="IdPools"/>).</summary>
internal enum IdKind
{
    Offender,
    Manager,
    Team,
    Neighbourhood,
    CustodySuite,
}

/// <summary>
/// One <see cref="Utf8StringPool"/> per <see cref="IdKind"/>: a reference is looked up among the ids of its kind only.
/// An offender names its manager and neighbourhood in no order, so in one table of every id each of those lookups was a
/// miss into memory the size of the whole table (32 MB at 1,000,000 offenders); the managers' or the neighbourhoods'
/// own table is small enough to stay in the processor's cache (benchmarks/RESULTS.md, session 14: reading a
/// 1,000,000-offender file 0.93-0.94x). Records naming the same thing still share its string.
/// </summary>
internal sealed class IdPools
{
    private readonly Utf8StringPool?[] _pools = new Utf8StringPool?[Enum.GetValues<IdKind>().Length];
    private readonly int _expectedOffenders;

    /// <summary>
    /// Pools made as their kind is first read: they start small and grow, the offenders' sized for about
    /// <paramref name="expectedOffenders"/> ids.
    /// </summary>
    public IdPools(int expectedOffenders = 0) => _expectedOffenders = expectedOffenders;

    /// <summary>The string for <paramref name="utf8"/>, an id of <paramref name="kind"/> (see <see cref="Utf8StringPool.Get(ReadOnlySpan{byte}, ref int)"/>).</summary>
    [MethodImpl(PerRecord.Compiled)]
    public string Get(IdKind kind, ReadOnlySpan<byte> utf8, ref int cursor) => Pool(kind).Get(utf8, ref cursor);

    /// <summary>The string for <paramref name="utf8"/>, an id of <paramref name="kind"/> that its record declares (see <see cref="Utf8StringPool.GetDeclared(ReadOnlySpan{byte}, ref int)"/>).</summary>
    [MethodImpl(PerRecord.Compiled)]
    public string GetDeclared(IdKind kind, ReadOnlySpan<byte> utf8, ref int cursor) => Pool(kind).GetDeclared(utf8, ref cursor);

    /// <summary>The string for <paramref name="text"/>, an id of <paramref name="kind"/> that its record declares (see <see cref="Utf8StringPool.GetDeclared(ReadOnlySpan{char}, ref int)"/>).</summary>
    [MethodImpl(PerRecord.Compiled)]
    public string GetDeclared(IdKind kind, ReadOnlySpan<char> text, ref int cursor) => Pool(kind).GetDeclared(text, ref cursor);

    /// <summary>Puts every declared id in its pool's table, so that <see cref="Find(IdKind, ReadOnlySpan{char}, ref int)"/> may be called from several threads.</summary>
    public void TableAll()
    {
        foreach (var pool in _pools)
        {
            pool?.TableAll();
        }
    }

    /// <summary>The string for <paramref name="text"/>, an id of <paramref name="kind"/> (see <see cref="Utf8StringPool.Get(ReadOnlySpan{char}, ref int)"/>).</summary>
    [MethodImpl(PerRecord.Compiled)]
    public string Get(IdKind kind, ReadOnlySpan<char> text, ref int cursor) => Pool(kind).Get(text, ref cursor);

    /// <summary>
    /// The pooled string for <paramref name="text"/>, an id of <paramref name="kind"/>, or <see langword="null"/>. It never
    /// adds or makes a pool, so several threads may call it at once while no thread calls <c>Get</c>, once
    /// <see cref="TableAll"/> has run (see <see cref="Utf8StringPool.Find(ReadOnlySpan{char}, ref int)"/>).
    /// </summary>
    [MethodImpl(PerRecord.Compiled)]
    public string? Find(IdKind kind, ReadOnlySpan<char> text, ref int cursor) => _pools[(int)kind]?.Find(text, ref cursor);

    /// <summary>As <see cref="Find(IdKind, ReadOnlySpan{char}, ref int)"/> for UTF-8 text (see <see cref="Utf8StringPool.Find(ReadOnlySpan{byte}, ref int)"/>).</summary>
    [MethodImpl(PerRecord.Compiled)]
    public string? Find(IdKind kind, ReadOnlySpan<byte> utf8, ref int cursor) => _pools[(int)kind]?.Find(utf8, ref cursor);

    [MethodImpl(PerRecord.Compiled)]
    private Utf8StringPool Pool(IdKind kind) =>
        _pools[(int)kind] ??= new Utf8StringPool(kind == IdKind.Offender ? _expectedOffenders : 0);
}
