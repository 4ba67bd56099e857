namespace Safeguarding.Rules.Policies;

/// <summary>
/// The policy parameters of contract section 4, each with its default from the domain brief.
/// A new instance is the default policy; change what the force's policy changes.
/// </summary>
/// <remarks>
/// The class is mutable so that it binds from configuration; evaluation takes a private copy,
/// so changing an instance never affects an evaluation already running.
/// </remarks>
public sealed class SafeguardingPolicy
{
    /// <summary>The policy's version label, reported in every findings document. Default <c>"default"</c>.</summary>
    public string Version { get; set; } = "default";

    /// <summary>Home-visit intervals by risk level (defaults 30 / 91 / 182 / 365 days).</summary>
    public VisitIntervalPolicy VisitIntervalDays { get; set; } = new();

    /// <summary>Days after registration or release by which the first home visit is due. Default 28.</summary>
    public int FirstVisitDays { get; set; } = 28;

    /// <summary>A visit due within this many days (0 = due today) is <c>VisitDueSoon</c>. Default 14; may be 0.</summary>
    public int DueSoonDays { get; set; } = 14;

    /// <summary>Caseload thresholds per offender manager (defaults 50 target, 75 critical).</summary>
    public CaseloadPolicy Caseload { get; set; } = new();

    /// <summary>Escalation thresholds (defaults 14 / 28 / 7 days, unit backlog 5%).</summary>
    public EscalationPolicy Escalation { get; set; } = new();

    /// <summary>No-access visits since the latest completed visit that make <c>RepeatedNoAccess</c>. Default 2.</summary>
    public int RepeatedNoAccessVisits { get; set; } = 2;

    /// <summary>Days after a risk assessment by which the next is due (ARMS review). Default 365.</summary>
    public int RiskReviewDays { get; set; } = 365;

    /// <summary>Days after registration by which the first risk assessment is due. Default 28.</summary>
    public int InitialAssessmentDays { get; set; } = 28;

    /// <summary>Days after an offender moves into a neighbourhood (or registration or release) by which its team must be briefed. Default 7.</summary>
    public int NeighbourhoodBriefingDays { get; set; } = 7;

    /// <summary>Which findings an override may defer, and for how long (defaults 90 days; the visit and community kinds).</summary>
    public OverridePolicy Overrides { get; set; } = new();

    /// <summary>Every problem with the policy, each naming the property as the policy file does; empty when valid.</summary>
    /// <returns>The problems found.</returns>
    public IReadOnlyList<PolicyProblem> Validate() => PolicyProperties.Check(this);

    /// <summary>Throws <see cref="PolicyValidationException"/> listing every problem when the policy is invalid.</summary>
    /// <exception cref="PolicyValidationException">The policy is invalid.</exception>
    public void EnsureValid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new PolicyValidationException(problems);
        }
    }

    /// <summary>A deep copy of this policy.</summary>
    /// <returns>The copy.</returns>
    public SafeguardingPolicy Clone()
    {
        var copy = (SafeguardingPolicy)MemberwiseClone();
        copy.VisitIntervalDays = VisitIntervalDays?.Clone()!;
        copy.Caseload = Caseload?.Clone()!;
        copy.Escalation = Escalation?.Clone()!;
        copy.Overrides = Overrides?.Clone()!;
        return copy;
    }
}
