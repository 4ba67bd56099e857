namespace Safeguarding.Rules.Impact;

/// <summary>How a finding differs between the baseline and the proposed policy.</summary>
public enum FindingChangeKind
{
    /// <summary>The proposed policy raises a finding the baseline does not.</summary>
    Raised = 0,

    /// <summary>The baseline raises a finding the proposed policy does not.</summary>
    Cleared = 1,

    /// <summary>Both raise the finding, with different values (escalation level, due date, days overdue, ...).</summary>
    Changed = 2,
}
