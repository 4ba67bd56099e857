namespace Safeguarding.Rules;

/// <summary>The stable names of the built-in rules: what findings carry in <c>rule</c>, and what a host names to switch a rule off.</summary>
public static class RuleNames
{
    /// <summary>Concludes that an offender's home visit is overdue (yields an <see cref="Facts.OverdueVisit"/>).</summary>
    public const string VisitOverdue = nameof(VisitOverdue);

    /// <summary>Places an overdue visit with the detective inspector.</summary>
    public const string EscalateToDetectiveInspector = nameof(EscalateToDetectiveInspector);

    /// <summary>Places an overdue visit with the supervisor.</summary>
    public const string EscalateToSupervisor = nameof(EscalateToSupervisor);

    /// <summary>Leaves an overdue visit with the offender manager.</summary>
    public const string OverdueStaysWithOffenderManager = nameof(OverdueStaysWithOffenderManager);

    /// <summary>A visit falls due soon.</summary>
    public const string VisitDueSoon = nameof(VisitDueSoon);

    /// <summary>Repeated no-access visits.</summary>
    public const string RepeatedNoAccess = nameof(RepeatedNoAccess);

    /// <summary>Reactive management above Low risk.</summary>
    public const string ReactiveManagementIneligible = nameof(ReactiveManagementIneligible);

    /// <summary>A manager above the caseload target.</summary>
    public const string CaseloadAboveTarget = nameof(CaseloadAboveTarget);

    /// <summary>A manager above the critical caseload.</summary>
    public const string CaseloadCritical = nameof(CaseloadCritical);

    /// <summary>An offender with no manager.</summary>
    public const string Unallocated = nameof(Unallocated);

    /// <summary>A team's overdue visits above the backlog percentage.</summary>
    public const string UnitBacklog = nameof(UnitBacklog);

    /// <summary>A risk review overdue.</summary>
    public const string RiskReviewOverdue = nameof(RiskReviewOverdue);

    /// <summary>A neighbourhood team not briefed.</summary>
    public const string NeighbourhoodNotBriefed = nameof(NeighbourhoodNotBriefed);

    /// <summary>A rejected offender record.</summary>
    public const string DataQuality = nameof(DataQuality);

    /// <summary>A strategy discussion's outcome not recorded in time.</summary>
    public const string StrategyOutcomeNotRecorded = nameof(StrategyOutcomeNotRecorded);

    /// <summary>A police action of a strategy discussion overdue.</summary>
    public const string StrategyActionOverdue = nameof(StrategyActionOverdue);

    /// <summary>An appropriate adult delayed for a detained juvenile.</summary>
    public const string AppropriateAdultDelayed = nameof(AppropriateAdultDelayed);

    /// <summary>A juvenile interviewed without an appropriate adult.</summary>
    public const string InterviewWithoutAppropriateAdult = nameof(InterviewWithoutAppropriateAdult);

    /// <summary>A police protection beyond its maximum.</summary>
    public const string PoliceProtectionExceeded = nameof(PoliceProtectionExceeded);

    /// <summary>A local authority not informed of a police protection in time.</summary>
    public const string LocalAuthorityNotInformed = nameof(LocalAuthorityNotInformed);

    /// <summary>A rejected strategy discussion, detention or police protection record.</summary>
    public const string ChildProtectionDataQuality = nameof(ChildProtectionDataQuality);
}
