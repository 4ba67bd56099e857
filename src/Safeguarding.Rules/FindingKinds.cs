namespace Safeguarding.Rules;

/// <summary>The finding kinds of contract sections 5 and 6, in the contract's output order.</summary>
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

    /// <summary>A strategy discussion's outcome is not recorded by its due working day.</summary>
    public const string StrategyOutcomeNotRecorded = nameof(StrategyOutcomeNotRecorded);

    /// <summary>A police-owned action of a strategy discussion is overdue.</summary>
    public const string StrategyActionOverdue = nameof(StrategyActionOverdue);

    /// <summary>A detained juvenile waited too long for an appropriate adult.</summary>
    public const string AppropriateAdultDelayed = nameof(AppropriateAdultDelayed);

    /// <summary>A detained juvenile was interviewed without an appropriate adult and without an urgent interview authorised.</summary>
    public const string InterviewWithoutAppropriateAdult = nameof(InterviewWithoutAppropriateAdult);

    /// <summary>A police protection lasted longer than the policy's maximum (72 hours at most).</summary>
    public const string PoliceProtectionExceeded = nameof(PoliceProtectionExceeded);

    /// <summary>The local authority was not informed of a police protection in time.</summary>
    public const string LocalAuthorityNotInformed = nameof(LocalAuthorityNotInformed);

    /// <summary>An input record was rejected as invalid (only with partial results allowed).</summary>
    public const string DataQuality = nameof(DataQuality);

    /// <summary>Every contract kind, in output order (from <see cref="Findings.FindingSchema.Kinds"/>); read-only (it names the summary's counts in every evaluation).</summary>
    public static IReadOnlyList<string> All { get; } = Array.AsReadOnly(Findings.FindingSchema.Kinds.Select(static k => k.Kind!).ToArray());

    /// <summary>The output position of <paramref name="kind"/>: contract kinds in table order, then any other kind.</summary>
    /// <param name="kind">A finding kind.</param>
    /// <returns>The zero-based rank; <see cref="All"/>'s count for kinds outside the contract.</returns>
    public static int OrderOf(string kind) => Order.TryGetValue(kind, out var rank) ? rank : All.Count;

    private static readonly Dictionary<string, int> Order = All.Select(static (kind, rank) => (kind, rank)).ToDictionary(static p => p.kind, static p => p.rank, StringComparer.Ordinal);
}
