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
    private readonly Utf8StringPool[] _pools;

    /// <summary>Pools that start small and grow, the offenders' sized for about <paramref name="expectedOffenders"/> ids.</summary>
    public IdPools(int expectedOffenders = 0)
    {
        _pools = new Utf8StringPool[Enum.GetValues<IdKind>().Length];
        for (var kind = 0; kind < _pools.Length; kind++)
        {
            _pools[kind] = kind == (int)IdKind.Offender ? new Utf8StringPool(expectedOffenders) : new Utf8StringPool();
        }
    }

    /// <summary>The pool of the ids of <paramref name="kind"/>.</summary>
    public Utf8StringPool this[IdKind kind] => _pools[(int)kind];
}
