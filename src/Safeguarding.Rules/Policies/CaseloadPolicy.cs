namespace Safeguarding.Rules.Policies;

/// <summary>Caseload thresholds per offender manager (policy file <c>caseload</c>).</summary>
public sealed class CaseloadPolicy
{
    /// <summary>A caseload above this is <c>CaseloadAboveTarget</c>. Default 50, the inspectorate's working figure.</summary>
    public int Target { get; set; } = 50;

    /// <summary>A caseload above this is <c>CaseloadCritical</c> (and only that). Default 75. Must be at least <see cref="Target"/>.</summary>
    public int Critical { get; set; } = 75;

    internal CaseloadPolicy Clone() => (CaseloadPolicy)MemberwiseClone();
}
