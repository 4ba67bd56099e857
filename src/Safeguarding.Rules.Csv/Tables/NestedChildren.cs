namespace Safeguarding.Rules.Csv.Tables;

/// <summary>
/// The nested records of one parent file's rows, once its nested file is read, in flat arrays: the rows given to parent
/// p (by its data row) are <c>[start[p], start[p + 1])</c>, in file order.
/// </summary>
/// <param name="start">For each parent's data row, where its nested rows start; one more than the parent rows, the last the total.</param>
/// <param name="children">Each nested row's record, grouped by parent; <see langword="null"/> for a row of which nothing is kept.</param>
/// <param name="rejected">For each parent's data row, whether one of its nested rows has a problem, which rejects it.</param>
internal sealed class NestedChildren(int[] start, object?[] children, bool[] rejected)
{
    /// <summary>How many nested rows the parent on data row <paramref name="parent"/> has; 0 for a data row the parent file has not.</summary>
    public int CountOf(int parent) => parent >= 0 && parent < rejected.Length ? start[parent + 1] - start[parent] : 0;

    /// <summary>Whether the parent on data row <paramref name="parent"/> is rejected for one of its nested rows.</summary>
    public bool IsRejected(int parent) => parent >= 0 && parent < rejected.Length && rejected[parent];

    /// <summary>
    /// The parent's nested records in file order, in an array of their type sized to them, for its list: for a rejected
    /// parent, a row of which nothing is kept is a <see langword="null"/> placeholder there.
    /// </summary>
    /// <typeparam name="TChild">The nested record's type.</typeparam>
    public TChild[] Of<TChild>(int parent)
        where TChild : class
    {
        var from = start[parent];
        var typed = new TChild[start[parent + 1] - from];
        for (var k = 0; k < typed.Length; k++)
        {
            typed[k] = (TChild)children[from + k]!;
        }

        return typed;
    }
}
