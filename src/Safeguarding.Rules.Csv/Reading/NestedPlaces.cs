namespace Safeguarding.Rules.Csv.Reading;

/// <summary>
/// Where the nested records of one parent array are: their file's places, and for each parent (by its data row) the
/// line of each of its nested rows, so a problem named <c>interviews[k].startedAt</c> is placed on the k-th row.
/// </summary>
/// <param name="Property">The parent's property holding them (<c>actions</c>, <c>interviews</c>).</param>
/// <param name="Places">The nested file's places.</param>
/// <param name="Lines">For each parent's data row, the lines of its nested rows in file order.</param>
internal sealed record NestedPlaces(string Property, FilePlaces Places, IReadOnlyDictionary<int, List<int>> Lines);
