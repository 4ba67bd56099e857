using System.Runtime.CompilerServices;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Csv.Reading;

/// <summary>
/// Where one file's ids come from (see <see cref="Tables.CsvColumn.Pooled"/>): the folder's pools, or, for files read
/// in parallel, the folder's pools as they were when they started (only looked up, so several threads may share them) and
/// pools of the thread's own for ids they do not hold yet. Either way an id named in <c>offenders.csv</c> or
/// <c>managers.csv</c> is one string in every file that names it.
/// </summary>
internal sealed class CsvIds
{
    private readonly IdPools _shared;
    private readonly IdPools? _own;

    private CsvIds(IdPools shared, IdPools? own)
    {
        _shared = shared;
        _own = own;
    }

    /// <summary>Ids taken from and added to <paramref name="pools"/>, by one thread.</summary>
    public static CsvIds Of(IdPools pools) => new(pools, null);

    /// <summary>Ids looked up in <paramref name="shared"/>, which no thread adds to any more, and added to pools of this reader's own.</summary>
    public static CsvIds Over(IdPools shared) => new(shared, new IdPools());

    /// <summary>
    /// The string for <paramref name="text"/>, an id of <paramref name="kind"/> (its record's own when
    /// <paramref name="declares"/>); <paramref name="sharedCursor"/> and <paramref name="ownCursor"/> are the column's
    /// places in the two pools.
    /// </summary>
    [MethodImpl(PerRecord.Compiled)]
    public string Get(IdKind kind, ReadOnlySpan<char> text, bool declares, ref int sharedCursor, ref int ownCursor) =>
        _own is null
            ? declares ? _shared.GetDeclared(kind, text, ref sharedCursor) : _shared.Get(kind, text, ref sharedCursor)
            : _shared.Find(kind, text, ref sharedCursor) ?? _own.Get(kind, text, ref ownCursor);
}
