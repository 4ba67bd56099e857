namespace Safeguarding.Rules.Csv.Tables;

/// <summary>A row of a file of nested records, untyped, for linking it to its parent.</summary>
internal interface INestedRecord
{
    /// <summary>The parent's id.</summary>
    string ParentId { get; }

    /// <summary>The nested record.</summary>
    object Child { get; }
}
