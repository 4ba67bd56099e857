namespace Safeguarding.Rules.Changes;

/// <summary>
/// What changed since an earlier run (contract section 7): the change of each current finding, the earlier findings
/// that are gone, and the counts. Made by <see cref="FindingChanges.Compare(EvaluationReport, FindingsDocument)"/>.
/// </summary>
public sealed class ChangeReport
{
    internal ChangeReport(DateOnly? sinceAsOf, string? sincePolicyVersion, IReadOnlyList<Finding> current, IReadOnlyList<ChangeKind> changes, IReadOnlyList<Finding> cleared, IReadOnlyList<string> clearedIds, IReadOnlyList<EarlierText>? clearedGiven = null)
    {
        _clearedGiven = clearedGiven;
        SinceAsOf = sinceAsOf;
        SincePolicyVersion = sincePolicyVersion;
        Current = current;
        Changes = changes;
        ClearedFindings = cleared;
        ClearedIds = clearedIds;
        var counts = new int[4];
        foreach (var change in changes)
        {
            counts[(int)change]++;
        }

        Raised = counts[(int)ChangeKind.Raised];
        Escalated = counts[(int)ChangeKind.Escalated];
        Changed = counts[(int)ChangeKind.Changed];
        Unchanged = counts[(int)ChangeKind.Unchanged];
    }

    /// <summary>Which of rule and reason the earlier document gave for each cleared finding; <see langword="null"/> for both.</summary>
    private readonly IReadOnlyList<EarlierText>? _clearedGiven;

    /// <summary>The earlier document's <c>asOf</c>, when it gave one.</summary>
    public DateOnly? SinceAsOf { get; }

    /// <summary>The earlier document's <c>policyVersion</c>, when it gave one.</summary>
    public string? SincePolicyVersion { get; }

    /// <summary>The current findings the changes are of (the current report's findings, in its order).</summary>
    public IReadOnlyList<Finding> Current { get; }

    /// <summary>The change of each of <see cref="Current"/>, position for position.</summary>
    public IReadOnlyList<ChangeKind> Changes { get; }

    /// <summary>
    /// The earlier findings whose id is gone, in the contract's finding order (section 5), whatever order the earlier
    /// document had; findings that order does not tell apart keep the document's order.
    /// </summary>
    public IReadOnlyList<Finding> ClearedFindings { get; }

    /// <summary>The id of each of <see cref="ClearedFindings"/>, position for position: as the earlier document gave it, or computed from its fields when it gave none (<see cref="FindingsDocument.Ids"/>).</summary>
    public IReadOnlyList<string> ClearedIds { get; }

    /// <summary>How many current findings are new.</summary>
    public int Raised { get; }

    /// <summary>How many current findings are escalated higher than before.</summary>
    public int Escalated { get; }

    /// <summary>How many current findings changed otherwise.</summary>
    public int Changed { get; }

    /// <summary>How many current findings are as before.</summary>
    public int Unchanged { get; }

    /// <summary>Which of <c>rule</c> and <c>reason</c> the earlier document gave for the cleared finding at <paramref name="index"/>.</summary>
    internal EarlierText ClearedGiven(int index) => _clearedGiven?[index] ?? EarlierText.Both;

    /// <summary>How many earlier findings are gone.</summary>
    public int Cleared => ClearedFindings.Count;
}
