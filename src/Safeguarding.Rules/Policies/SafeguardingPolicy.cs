using System.Globalization;

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
    public IReadOnlyList<PolicyProblem> Validate()
    {
        var problems = new List<PolicyProblem>();
        if (string.IsNullOrWhiteSpace(Version))
        {
            problems.Add(new("version", "must be a non-empty string"));
        }

        if (VisitIntervalDays is null)
        {
            problems.Add(new("visitIntervalDays", "must be given (omit the property to keep the defaults)"));
        }
        else
        {
            AtLeast(problems, "visitIntervalDays.veryHigh", VisitIntervalDays.VeryHigh, 1);
            AtLeast(problems, "visitIntervalDays.high", VisitIntervalDays.High, 1);
            AtLeast(problems, "visitIntervalDays.medium", VisitIntervalDays.Medium, 1);
            AtLeast(problems, "visitIntervalDays.low", VisitIntervalDays.Low, 1);
        }

        AtLeast(problems, "firstVisitDays", FirstVisitDays, 1);
        AtLeast(problems, "dueSoonDays", DueSoonDays, 0);
        if (Caseload is null)
        {
            problems.Add(new("caseload", "must be given (omit the property to keep the defaults)"));
        }
        else
        {
            AtLeast(problems, "caseload.target", Caseload.Target, 1);
            AtLeast(problems, "caseload.critical", Caseload.Critical, 1);
            if (Caseload.Critical < Caseload.Target)
            {
                problems.Add(new("caseload.critical", Invariant($"must be at least caseload.target ({Caseload.Target}); it is {Caseload.Critical}")));
            }
        }

        if (Escalation is null)
        {
            problems.Add(new("escalation", "must be given (omit the property to keep the defaults)"));
        }
        else
        {
            AtLeast(problems, "escalation.supervisorAfterDays", Escalation.SupervisorAfterDays, 1);
            AtLeast(problems, "escalation.inspectorAfterDays", Escalation.InspectorAfterDays, 1);
            AtLeast(problems, "escalation.highRiskInspectorAfterDays", Escalation.HighRiskInspectorAfterDays, 1);
            if (Escalation.InspectorAfterDays < Escalation.SupervisorAfterDays)
            {
                problems.Add(new("escalation.inspectorAfterDays", Invariant($"must be at least escalation.supervisorAfterDays ({Escalation.SupervisorAfterDays}); it is {Escalation.InspectorAfterDays}")));
            }

            if (Escalation.UnitBacklogPercent <= 0m || Escalation.UnitBacklogPercent > 100m)
            {
                problems.Add(new("escalation.unitBacklogPercent", Invariant($"must be above 0 and at most 100; it is {Escalation.UnitBacklogPercent}")));
            }
        }

        AtLeast(problems, "repeatedNoAccessVisits", RepeatedNoAccessVisits, 1);
        AtLeast(problems, "riskReviewDays", RiskReviewDays, 1);
        AtLeast(problems, "initialAssessmentDays", InitialAssessmentDays, 1);
        AtLeast(problems, "neighbourhoodBriefingDays", NeighbourhoodBriefingDays, 1);
        ValidateOverrides(problems);
        return problems;
    }

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

    private void ValidateOverrides(List<PolicyProblem> problems)
    {
        if (Overrides is null)
        {
            problems.Add(new("overrides", "must be given (omit the property to keep the defaults)"));
            return;
        }

        AtLeast(problems, "overrides.maxDays", Overrides.MaxDays, 1);
        if (Overrides.Kinds is null)
        {
            problems.Add(new("overrides.kinds", "must be given (omit the property to keep the default list)"));
            return;
        }

        for (var i = 0; i < Overrides.Kinds.Count; i++)
        {
            var kind = Overrides.Kinds[i];
            var property = Invariant($"overrides.kinds[{i}]");
            if (string.Equals(kind, FindingKinds.DataQuality, StringComparison.Ordinal))
            {
                problems.Add(new(property, "DataQuality can never be overridden: a rejected record must stay visible"));
            }
            else if (kind is null || !FindingKinds.All.Contains(kind, StringComparer.Ordinal))
            {
                problems.Add(new(property, "must name a finding kind of the contract (" + string.Join(", ", FindingKinds.All.Where(static k => k != FindingKinds.DataQuality)) + ")"));
            }
        }
    }

    private static void AtLeast(List<PolicyProblem> problems, string property, int value, int minimum)
    {
        if (value < minimum)
        {
            problems.Add(new(property, Invariant($"must be at least {minimum}; it is {value}")));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
