namespace Safeguarding.Rules.Csv.Reading;

/// <summary>
/// Where the nested records of one parent array are: their file's places, and the line of each parent's nested rows, so
/// a problem named <c>interviews[k].startedAt</c> is placed on the k-th row.
/// </summary>
/// <param name="Property">The parent's property holding them (<c>actions</c>, <c>interviews</c>).</param>
/// <param name="Places">The nested file's places.</param>
/// <param name="Start">For each parent's data row, where its nested rows start in <paramref name="Lines"/>; one more than the parent rows, the last the total.</param>
/// <param name="Lines">The lines of the nested rows given to a parent, grouped by parent, each parent's in file order.</param>
internal sealed record NestedPlaces(string Property, FilePlaces Places, int[] Start, int[] Lines)
{
    /// <summary>The line of the <paramref name="k"/>-th nested row of the parent on data row <paramref name="parent"/>; <see langword="null"/> when it has none.</summary>
    public int? LineOf(int parent, int k) =>
        parent >= 0 && parent < Start.Length - 1 && k >= 0 && k < Start[parent + 1] - Start[parent] ? Lines[Start[parent] + k] : null;
}
