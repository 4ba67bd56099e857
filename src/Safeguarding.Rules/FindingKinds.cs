namespace Safeguarding.Rules;

/// <summary>The finding kinds of contract section 5, in the contract's output order.</summary>
public static class FindingKinds
{
    /// <summary>A home visit is overdue; carries its escalation level.</summary>
    public const string VisitOverdue = nameof(VisitOverdue);

    /// <summary>A home visit falls due within the due-soon window.</summary>
    public const string VisitDueSoon = nameof(VisitDueSoon);

    /// <summary>Repeated no-access visits since the latest completed visit.</summary>
    public const string RepeatedNoAccess = nameof(RepeatedNoAccess);

    /// <summary>Reactive management recorded for an offender above Low risk.</summary>
    public const string ReactiveManagementIneligible = nameof(ReactiveManagementIneligible);

    /// <summary>A manager's caseload is above target.</summary>
    public const string CaseloadAboveTarget = nameof(CaseloadAboveTarget);

    /// <summary>A manager's caseload is critical.</summary>
    public const string CaseloadCritical = nameof(CaseloadCritical);

    /// <summary>An offender has no manager.</summary>
    public const string Unallocated = nameof(Unallocated);

    /// <summary>A team's overdue visits exceed the backlog percentage of its caseload.</summary>
    public const string UnitBacklog = nameof(UnitBacklog);

    /// <summary>A risk assessment (or the initial one) is overdue.</summary>
    public const string RiskReviewOverdue = nameof(RiskReviewOverdue);

    /// <summary>The neighbourhood team has not been briefed about an offender on its patch.</summary>
    public const string NeighbourhoodNotBriefed = nameof(NeighbourhoodNotBriefed);

    /// <summary>An offender record was rejected as invalid (only with partial results allowed).</summary>
    public const string DataQuality = nameof(DataQuality);

    /// <summary>Every contract kind, in output order (from <see cref="Findings.FindingSchema.Kinds"/>).</summary>
    public static IReadOnlyList<string> All { get; } = Findings.FindingSchema.Kinds.Select(static k => k.Kind!).ToArray();

    /// <summary>The output position of <paramref name="kind"/>: contract kinds in table order, then any other kind.</summary>
    /// <param name="kind">A finding kind.</param>
    /// <returns>The zero-based rank; <see cref="All"/>'s count for kinds outside the contract.</returns>
    public static int OrderOf(string kind) => Order.TryGetValue(kind, out var rank) ? rank : All.Count;

    private static readonly Dictionary<string, int> Order = All.Select(static (kind, rank) => (kind, rank)).ToDictionary(static p => p.kind, static p => p.rank, StringComparer.Ordinal);
}
