using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Csv.Reading;

/// <summary>
/// Where one file's ids come from (see <see cref="Tables.CsvColumn.Pooled"/>): the folder's pool, or, for files read
/// in parallel, the folder's pool as it was when they started (only looked up, so several threads may share it) and a
/// pool of the thread's own for ids it does not hold yet. Either way an id named in <c>offenders.csv</c> or
/// <c>managers.csv</c> is one string in every file that names it.
/// </summary>
internal sealed class CsvIds
{
    private readonly Utf8StringPool _shared;
    private readonly Utf8StringPool? _own;

    private CsvIds(Utf8StringPool shared, Utf8StringPool? own)
    {
        _shared = shared;
        _own = own;
    }

    /// <summary>Ids taken from and added to <paramref name="pool"/>, by one thread.</summary>
    public static CsvIds Of(Utf8StringPool pool) => new(pool, null);

    /// <summary>Ids looked up in <paramref name="shared"/>, which no thread adds to any more, and added to a pool of this reader's own.</summary>
    public static CsvIds Over(Utf8StringPool shared) => new(shared, new Utf8StringPool());

    /// <summary>The string for <paramref name="text"/>; <paramref name="sharedCursor"/> and <paramref name="ownCursor"/> are the column's places in the two pools.</summary>
    public string Get(ReadOnlySpan<char> text, ref int sharedCursor, ref int ownCursor) =>
        _own is null
            ? _shared.Get(text, ref sharedCursor)
            : _shared.Find(text, ref sharedCursor) ?? _own.Get(text, ref ownCursor);
}
