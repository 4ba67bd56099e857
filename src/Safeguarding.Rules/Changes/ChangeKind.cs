namespace Safeguarding.Rules.Changes;

/// <summary>How a current finding compares with an earlier run's findings (contract section 7, <c>change</c>).</summary>
public enum ChangeKind
{
    /// <summary>Its id was not among the earlier findings.</summary>
    Raised,

    /// <summary>Its <c>escalateTo</c> is higher than before (OffenderManager &lt; Supervisor &lt; DetectiveInspector; Supervisor &lt; Inspector), whatever its kind.</summary>
    Escalated,

    /// <summary>One of its kind's fields differs (ignoring counters that move with time alone); a lower escalation too.</summary>
    Changed,

    /// <summary>Nothing that counts has changed.</summary>
    Unchanged,
}
