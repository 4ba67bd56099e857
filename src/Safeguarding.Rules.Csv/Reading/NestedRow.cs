namespace Safeguarding.Rules.Csv.Reading;

/// <summary>A row of a file of nested records, read but not yet given to its parent.</summary>
/// <param name="Index">The row's 0-based data row in its file.</param>
/// <param name="Line">The line the row starts on.</param>
/// <param name="ParentId">The parent's id, when the row gives one that could be read.</param>
/// <param name="Problems">The row's problems: field (a column of the nested file, or <c>$</c>), column and problem.</param>
/// <param name="Child">The row's <see cref="Tables.INestedRecord"/> when it has no problem and its file's header none either.</param>
internal sealed record NestedRow(int Index, int Line, string? ParentId, (string Field, int Column, string Problem)[] Problems, object? Child)
{
    /// <summary>For a row with problems of its own, what could be read of it (a <see cref="Tables.INestedRecord"/>), when its table keeps that; else <see langword="null"/>.</summary>
    public object? Partial { get; init; }
}
