namespace Safeguarding.Rules.Csv.Tables;

/// <summary>
/// How a file of nested records names its parent (contract section 9): <c>strategy-actions.csv</c> has
/// <c>discussionId</c> for <c>strategy-discussions.csv</c>, <c>interviews.csv</c> has <c>detentionId</c> for
/// <c>detentions.csv</c>. The parent-id column is the nested table's first column.
/// </summary>
/// <param name="Table">The parent's table, e.g. <c>detentions.csv</c>'s.</param>
/// <param name="ParentIdColumn">The column of this file holding the parent's id, e.g. <c>detentionId</c>.</param>
/// <param name="Property">The parent's JSON property holding the nested records, e.g. <c>interviews</c>: a problem in the
/// k-th row of a parent is reported against the parent with field <c>interviews[k].startedAt</c>.</param>
/// <remarks>
/// Rows are grouped by parent id in file order (a parent id shared by several parents, which are all rejected for it,
/// names the first); a row naming an unknown parent is a problem with <c>array</c> the file's name without
/// <c>.csv</c>, its data row as <c>index</c> and the parent-id column as <c>field</c>; any other problem of a row rejects
/// its parent.
/// </remarks>
internal sealed record CsvParentLink(CsvTable Table, string ParentIdColumn, string Property);
