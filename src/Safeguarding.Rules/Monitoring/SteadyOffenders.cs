using Safeguarding.Rules.Community;
using Safeguarding.Rules.Escalation;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Visits;

namespace Safeguarding.Rules.Monitoring;

/// <summary>
/// A new day without session work for an offender whose matches cannot change between the two dates. An offender fact is
/// computed from its record, its manager, the policy, the record's items dated on or before the date (the values
/// <see cref="Mark"/> keeps) and the date itself (<see cref="OffenderCase.AsOf"/>, <see cref="OffenderCase.DaysOverdue"/>).
/// The built-in rules read the date only through the date tests <see cref="Mark"/> also keeps: overdue and due soon, the
/// escalation ladder's two levels, the neighbourhood briefing and the risk review deadlines. So when no dated item took
/// effect and no date test changed its answer (no date boundary was crossed), and the offender's manager is as critical as
/// before, every rule matches the fact as it did: updating it in its session would re-raise the same findings, and only
/// those whose fields or reason count days (<c>VisitDueSoon</c>, <c>RiskReviewOverdue</c>, the escalations of
/// <c>VisitOverdue</c>) would differ. Those are refreshed here to what their rule's action gives now; the others stay as
/// they are. Only without host rules (a host rule may read anything); a finding that is not where this expects it sends
/// the fact through its session after all.
/// </summary>
internal sealed class SteadyOffenders
{
    private readonly bool _dueSoon;
    private readonly bool _riskReview;
    private readonly bool _overdue;
    private readonly bool _inspector;
    private readonly bool _supervisor;
    private readonly bool _offenderManager;

    private SteadyOffenders(IReadOnlyList<RuleInfo> catalogue)
    {
        bool Has(string rule) => catalogue.Any(r => string.Equals(r.Name, rule, StringComparison.Ordinal));
        _dueSoon = Has(RuleNames.VisitDueSoon);
        _riskReview = Has(RuleNames.RiskReviewOverdue);
        _overdue = Has(RuleNames.VisitOverdue);
        _inspector = Has(RuleNames.EscalateToDetectiveInspector);
        _supervisor = Has(RuleNames.EscalateToSupervisor);
        _offenderManager = Has(RuleNames.OverdueStaysWithOffenderManager);
    }

    /// <summary>The date tests an offender fact's matches depend on, as bits of <see cref="Mark.Crossings"/>.</summary>
    [Flags]
    internal enum Tests
    {
        None = 0,
        Overdue = 1,
        DueSoon = 2,
        NotBriefed = 4,
        RiskReviewOverdue = 8,
        ToDetectiveInspector = 16,
        ToSupervisor = 32,
    }

    /// <summary>
    /// The built-in rules whose use of the date this shortcut was written for: each reads it only through the date tests
    /// of <see cref="Mark"/>, or not at all (the caseload, team, data-quality and child-protection rules; child protection
    /// is a session of its own, rebuilt each day). A built-in rule added later is not in this list until someone has
    /// checked the same of it, and until then the shortcut is off (every fact goes through its session, as before the
    /// shortcut): slower, never wrong. A test fails while any built-in rule is missing here.
    /// </summary>
    internal static readonly IReadOnlySet<string> ReviewedRules = new HashSet<string>(StringComparer.Ordinal)
    {
        RuleNames.VisitOverdue,
        RuleNames.EscalateToDetectiveInspector,
        RuleNames.EscalateToSupervisor,
        RuleNames.OverdueStaysWithOffenderManager,
        RuleNames.VisitDueSoon,
        RuleNames.RepeatedNoAccess,
        RuleNames.ReactiveManagementIneligible,
        RuleNames.CaseloadAboveTarget,
        RuleNames.CaseloadCritical,
        RuleNames.Unallocated,
        RuleNames.UnitBacklog,
        RuleNames.RiskReviewOverdue,
        RuleNames.NeighbourhoodNotBriefed,
        RuleNames.DataQuality,
        RuleNames.StrategyOutcomeNotRecorded,
        RuleNames.StrategyActionOverdue,
        RuleNames.AppropriateAdultDelayed,
        RuleNames.InterviewWithoutAppropriateAdult,
        RuleNames.PoliceProtectionExceeded,
        RuleNames.LocalAuthorityNotInformed,
        RuleNames.ChildProtectionDataQuality,
    };

    /// <summary>
    /// The shortcut for <paramref name="rules"/>, or <see langword="null"/> when host rules are loaded or a built-in rule
    /// is not among <see cref="ReviewedRules"/>.
    /// </summary>
    public static SteadyOffenders? For(CompiledRules rules) =>
        rules.HasHostRules || rules.Catalogue.Any(static r => !ReviewedRules.Contains(r.Name)) ? null : new SteadyOffenders(rules.Catalogue);

    /// <summary>What of <paramref name="fact"/> can change with the date, as it is now.</summary>
    public static Mark MarkOf(OffenderCase fact)
    {
        var tests = Tests.None;
        if (VisitSchedule.IsOverdue(fact.DaysOverdue))
        {
            tests |= Tests.Overdue;
            var visit = new OverdueVisit(fact, RuleNames.VisitOverdue);
            tests |= EscalationLadder.AnyHolds(EscalationLadder.DetectiveInspector, visit) ? Tests.ToDetectiveInspector : Tests.None;
            tests |= EscalationLadder.AnyHolds(EscalationLadder.Supervisor, visit) ? Tests.ToSupervisor : Tests.None;
        }

        tests |= VisitSchedule.IsDueSoon(fact.DaysOverdue, fact.Policy.DueSoonDays) ? Tests.DueSoon : Tests.None;
        tests |= NeighbourhoodBriefingSchedule.IsNotBriefed(fact.AsOf, fact.BriefingReferenceDate, fact.LatestBriefingInNeighbourhood, fact.Policy.NeighbourhoodBriefingDays) ? Tests.NotBriefed : Tests.None;
        tests |= RiskReviewSchedule.IsOverdue(fact.RiskReviewDueOn, fact.AsOf) ? Tests.RiskReviewOverdue : Tests.None;
        return new Mark(fact.ReleasedOn, fact.MovedIntoNeighbourhoodOn, fact.RiskAssessedOn, fact.LastCompletedVisit, fact.NoAccessVisitsSinceLastCompleted, fact.LatestBriefingInNeighbourhood, tests);
    }

    /// <summary>
    /// Refreshes the findings of a steady offender fact that count days, in its session's tracker, each to what its rule's
    /// action gives now (the same rules match as before). Returns <see langword="false"/> when one was not found as raised
    /// by that rule, so the fact must go through its session.
    /// </summary>
    public bool Refresh(OffenderCase fact, FindingTracker tracker)
    {
        var refreshed = true;

        if (_dueSoon && VisitDueSoonRule.Holds(fact))
        {
            refreshed &= tracker.Refresh(VisitDueSoonRule.DueSoon(fact));
        }

        if (_riskReview && RiskReviewOverdueRule.Holds(fact))
        {
            refreshed &= tracker.Refresh(RiskReviewOverdueRule.ReviewOverdue(fact));
        }

        // The overdue visit's level, as the three escalation rules decide it.
        if (_overdue && VisitOverdueRule.Holds(fact))
        {
            var visit = new OverdueVisit(fact, RuleNames.VisitOverdue);
            var escalated = EscalationLadder.AnyHolds(EscalationLadder.DetectiveInspector, visit)
                ? (_inspector ? EscalateToDetectiveInspectorRule.Escalated(visit) : null)
                : EscalationLadder.AnyHolds(EscalationLadder.Supervisor, visit)
                    ? (_supervisor ? EscalateToSupervisorRule.Escalated(visit) : null)
                    : (_offenderManager ? OverdueStaysWithOffenderManagerRule.Stays(visit) : null);
            if (escalated is not null)
            {
                refreshed &= tracker.Refresh(escalated);
            }
        }

        return refreshed;
    }

    /// <summary>
    /// An offender fact's values that can change with the date: those taken from the record's dated items, then which of the
    /// date tests hold. Equal before and after a new day, the fact is steady (its manager's criticality aside).
    /// </summary>
    internal readonly record struct Mark(
        DateOnly? ReleasedOn,
        DateOnly? MovedIn,
        DateOnly? RiskAssessedOn,
        DateOnly? LastCompletedVisit,
        int NoAccess,
        DateOnly? LatestBriefing,
        Tests Crossings);
}
