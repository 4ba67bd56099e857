namespace Safeguarding.Rules.Policies;

/// <summary>A read-only copy of a <see cref="CaseloadPolicy"/>: caseload thresholds per offender manager.</summary>
public sealed class CaseloadView
{
    internal CaseloadView(CaseloadPolicy policy)
    {
        Target = policy.Target;
        Critical = policy.Critical;
    }

    /// <summary>A caseload above this is above target (<c>caseload.target</c>).</summary>
    public int Target { get; }

    /// <summary>A caseload above this is critical (<c>caseload.critical</c>).</summary>
    public int Critical { get; }
}
