namespace Safeguarding.Rules.Csv.Tables;

/// <summary>
/// A row of a file of nested records (<c>strategy-actions.csv</c>, <c>interviews.csv</c>): the nested record and its
/// parent's id (contract section 9), as the writer writes it and the reader reads it before linking it to its parent.
/// </summary>
/// <typeparam name="TChild">The nested record's type.</typeparam>
/// <param name="ParentId">The parent's id (<c>discussionId</c>, <c>detentionId</c>).</param>
/// <param name="Child">The nested record.</param>
internal sealed record NestedRecord<TChild>(string ParentId, TChild Child) : INestedRecord
    where TChild : class
{
    object INestedRecord.Child => Child;
}
