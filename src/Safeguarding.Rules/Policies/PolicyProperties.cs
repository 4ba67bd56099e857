namespace Safeguarding.Rules.Policies;

/// <summary>
/// Every property of the policy file (contract section 4), once, in the contract's order, with its checks. The reader
/// (<c>PolicyJson.Read</c>), the writer (the <c>policy</c> command, the decision record's policy hash),
/// <see cref="SafeguardingPolicy.Validate"/> and the rule descriptions all walk this list. A new policy property is
/// one entry here plus its C# property; a new group also needs a <see cref="PolicyGroup"/>. A group's properties are
/// listed together, in the order the file writes them.
/// </summary>
internal static class PolicyProperties
{
    private static readonly WholeNumberProperty CaseloadTarget = new("caseload.target", static p => p.Caseload.Target, static (p, v) => p.Caseload.Target = v, minimum: 1);
    private static readonly WholeNumberProperty AppropriateAdultAlertMinutes = new("childProtection.appropriateAdultAlertMinutes", static p => p.ChildProtection.AppropriateAdultAlertMinutes, static (p, v) => p.ChildProtection.AppropriateAdultAlertMinutes = v, minimum: 1);
    private static readonly WholeNumberProperty SupervisorAfterDays = new("escalation.supervisorAfterDays", static p => p.Escalation.SupervisorAfterDays, static (p, v) => p.Escalation.SupervisorAfterDays = v, minimum: 1);

    /// <summary>The nested objects, by name.</summary>
    public static IReadOnlyList<PolicyGroup> Groups { get; } =
    [
        new("visitIntervalDays", static p => p.VisitIntervalDays),
        new("caseload", static p => p.Caseload),
        new("escalation", static p => p.Escalation),
        new("childProtection", static p => p.ChildProtection),
        new("overrides", static p => p.Overrides),
    ];

    /// <summary>The properties in the file's order.</summary>
    public static IReadOnlyList<PolicyProperty> All { get; } =
    [
        new TextProperty("version", static p => p.Version, static (p, v) => p.Version = v),
        new WholeNumberProperty("visitIntervalDays.veryHigh", static p => p.VisitIntervalDays.VeryHigh, static (p, v) => p.VisitIntervalDays.VeryHigh = v, minimum: 1),
        new WholeNumberProperty("visitIntervalDays.high", static p => p.VisitIntervalDays.High, static (p, v) => p.VisitIntervalDays.High = v, minimum: 1),
        new WholeNumberProperty("visitIntervalDays.medium", static p => p.VisitIntervalDays.Medium, static (p, v) => p.VisitIntervalDays.Medium = v, minimum: 1),
        new WholeNumberProperty("visitIntervalDays.low", static p => p.VisitIntervalDays.Low, static (p, v) => p.VisitIntervalDays.Low = v, minimum: 1),
        new WholeNumberProperty("firstVisitDays", static p => p.FirstVisitDays, static (p, v) => p.FirstVisitDays = v, minimum: 1),
        new WholeNumberProperty("dueSoonDays", static p => p.DueSoonDays, static (p, v) => p.DueSoonDays = v, minimum: 0),
        CaseloadTarget,
        new WholeNumberProperty("caseload.critical", static p => p.Caseload.Critical, static (p, v) => p.Caseload.Critical = v, minimum: 1, atLeast: CaseloadTarget),
        SupervisorAfterDays,
        new WholeNumberProperty("escalation.inspectorAfterDays", static p => p.Escalation.InspectorAfterDays, static (p, v) => p.Escalation.InspectorAfterDays = v, minimum: 1, atLeast: SupervisorAfterDays),
        new WholeNumberProperty("escalation.highRiskInspectorAfterDays", static p => p.Escalation.HighRiskInspectorAfterDays, static (p, v) => p.Escalation.HighRiskInspectorAfterDays = v, minimum: 1),
        new PercentProperty("escalation.unitBacklogPercent", static p => p.Escalation.UnitBacklogPercent, static (p, v) => p.Escalation.UnitBacklogPercent = v),
        new WholeNumberProperty("repeatedNoAccessVisits", static p => p.RepeatedNoAccessVisits, static (p, v) => p.RepeatedNoAccessVisits = v, minimum: 1),
        new WholeNumberProperty("riskReviewDays", static p => p.RiskReviewDays, static (p, v) => p.RiskReviewDays = v, minimum: 1),
        new WholeNumberProperty("initialAssessmentDays", static p => p.InitialAssessmentDays, static (p, v) => p.InitialAssessmentDays = v, minimum: 1),
        new WholeNumberProperty("neighbourhoodBriefingDays", static p => p.NeighbourhoodBriefingDays, static (p, v) => p.NeighbourhoodBriefingDays = v, minimum: 1),
        new WholeNumberProperty("childProtection.strategyOutcomeWorkingDays", static p => p.ChildProtection.StrategyOutcomeWorkingDays, static (p, v) => p.ChildProtection.StrategyOutcomeWorkingDays = v, minimum: 1),
        AppropriateAdultAlertMinutes,
        new WholeNumberProperty("childProtection.appropriateAdultInspectorMinutes", static p => p.ChildProtection.AppropriateAdultInspectorMinutes, static (p, v) => p.ChildProtection.AppropriateAdultInspectorMinutes = v, minimum: 1, atLeast: AppropriateAdultAlertMinutes),
        new WholeNumberProperty("childProtection.policeProtectionMaxHours", static p => p.ChildProtection.PoliceProtectionMaxHours, static (p, v) => p.ChildProtection.PoliceProtectionMaxHours = v, minimum: 1, maximum: 72, maximumReason: " (the statutory maximum: a force may be stricter, never looser)"),
        new WholeNumberProperty("childProtection.localAuthorityInformMinutes", static p => p.ChildProtection.LocalAuthorityInformMinutes, static (p, v) => p.ChildProtection.LocalAuthorityInformMinutes = v, minimum: 1),
        new DateListProperty("childProtection.nonWorkingDays", static p => p.ChildProtection.NonWorkingDays, static (p, v) => p.ChildProtection.NonWorkingDays = v),
        new WholeNumberProperty("overrides.maxDays", static p => p.Overrides.MaxDays, static (p, v) => p.Overrides.MaxDays = v, minimum: 1),
        new NameListProperty("overrides.kinds", static p => p.Overrides.Kinds, static (p, v) => p.Overrides.Kinds = v, "finding kind", OverridableKind),
    ];

    private static readonly Dictionary<string, PolicyProperty> ByPath = All.ToDictionary(static p => p.Path, StringComparer.Ordinal);

    /// <summary>The problem with a name in <c>overrides.kinds</c>, or <see langword="null"/>.</summary>
    private static string? OverridableKind(string? kind) =>
        string.Equals(kind, FindingKinds.DataQuality, StringComparison.Ordinal) ? "DataQuality can never be overridden: a rejected record must stay visible"
        : kind is null || !FindingKinds.All.Contains(kind, StringComparer.Ordinal) ? "must name a finding kind of the contract (" + string.Join(", ", FindingKinds.All.Where(static k => k != FindingKinds.DataQuality)) + ")"
        : null;

    /// <summary>The property at <paramref name="path"/>, or <see langword="null"/>.</summary>
    public static PolicyProperty? Find(string path) => ByPath.GetValueOrDefault(path);

    /// <summary>Every problem with <paramref name="policy"/>, in the file's order.</summary>
    public static List<PolicyProblem> Check(SafeguardingPolicy policy)
    {
        var problems = new List<PolicyProblem>();
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            if (group.Get(policy) is null)
            {
                missing.Add(group.Name);
            }
        }

        string? reported = null;
        foreach (var property in All)
        {
            if (property.Group is { } group && missing.Contains(group))
            {
                if (reported != group)
                {
                    problems.Add(new(group, "must be given (omit the property to keep the defaults)"));
                    reported = group;
                }

                continue;
            }

            property.Check(policy, problems);
        }

        return problems;
    }
}
