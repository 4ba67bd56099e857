namespace Safeguarding.Rules.Policies;

/// <summary>
/// A read-only copy of a <see cref="SafeguardingPolicy"/>, taken when an evaluation starts: what the working facts
/// expose as their policy. Nothing reachable from it can be changed, so one rule (a host's included) cannot change
/// the policy that another rule, or a later evaluation, sees.
/// </summary>
public sealed class PolicyView
{
    private readonly SafeguardingPolicy _source;

    internal PolicyView(SafeguardingPolicy policy)
    {
        _source = policy.Clone();
        Version = policy.Version;
        VisitIntervalDays = new VisitIntervalsView(policy.VisitIntervalDays);
        FirstVisitDays = policy.FirstVisitDays;
        DueSoonDays = policy.DueSoonDays;
        Caseload = new CaseloadView(policy.Caseload);
        Escalation = new EscalationView(policy.Escalation);
        RepeatedNoAccessVisits = policy.RepeatedNoAccessVisits;
        RiskReviewDays = policy.RiskReviewDays;
        InitialAssessmentDays = policy.InitialAssessmentDays;
        NeighbourhoodBriefingDays = policy.NeighbourhoodBriefingDays;
        Overrides = new OverridesView(policy.Overrides);
    }

    /// <summary>The default policy of contract section 4, read-only.</summary>
    public static PolicyView Default { get; } = new(new SafeguardingPolicy());

    /// <summary>The policy's version label (policy file <c>version</c>).</summary>
    public string Version { get; }

    /// <summary>Home-visit intervals by risk level (policy file <c>visitIntervalDays</c>).</summary>
    public VisitIntervalsView VisitIntervalDays { get; }

    /// <summary>Days after registration or release by which the first home visit is due (<c>firstVisitDays</c>).</summary>
    public int FirstVisitDays { get; }

    /// <summary>A visit due within this many days (0 = due today) is due soon (<c>dueSoonDays</c>).</summary>
    public int DueSoonDays { get; }

    /// <summary>Caseload thresholds per offender manager (<c>caseload</c>).</summary>
    public CaseloadView Caseload { get; }

    /// <summary>Escalation thresholds (<c>escalation</c>).</summary>
    public EscalationView Escalation { get; }

    /// <summary>No-access visits since the latest completed visit that make repeated no access (<c>repeatedNoAccessVisits</c>).</summary>
    public int RepeatedNoAccessVisits { get; }

    /// <summary>Days after a risk assessment by which the next is due (<c>riskReviewDays</c>).</summary>
    public int RiskReviewDays { get; }

    /// <summary>Days after registration by which the first risk assessment is due (<c>initialAssessmentDays</c>).</summary>
    public int InitialAssessmentDays { get; }

    /// <summary>Days after a move-in (or registration or release) by which the neighbourhood team must be briefed (<c>neighbourhoodBriefingDays</c>).</summary>
    public int NeighbourhoodBriefingDays { get; }

    /// <summary>Which findings an override may defer, and for how long (<c>overrides</c>).</summary>
    public OverridesView Overrides { get; }

    /// <summary>The value at a policy file path (e.g. <c>caseload.target</c>) as text, or <see langword="null"/> for an unknown path.</summary>
    internal string? ValueAt(string path) => PolicyProperties.Find(path)?.Format(_source);
}
