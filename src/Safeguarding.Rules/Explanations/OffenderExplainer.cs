using System.Globalization;
using System.Text;
using Safeguarding.Rules.Community;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Escalation;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Visits;

namespace Safeguarding.Rules.Explanations;

/// <summary>
/// Explains an offender: the visit, escalation, allocation, community and data-quality rules, each worked out with the
/// policy's functions beside its rule (<c>Rules/Visits/VisitSchedule</c>, <c>Rules/Escalation/EscalationLadder</c>,
/// <c>Rules/Community</c>) over the offender fact the rules saw.
/// </summary>
internal sealed class OffenderExplainer : SubjectExplainer
{
    private const string InCustody = "in custody: the community checks apply only in the community.";

    private static readonly HashSet<string> OffenderRules = new(StringComparer.Ordinal)
    {
        RuleNames.VisitOverdue,
        RuleNames.EscalateToDetectiveInspector,
        RuleNames.EscalateToSupervisor,
        RuleNames.OverdueStaysWithOffenderManager,
        RuleNames.VisitDueSoon,
        RuleNames.RepeatedNoAccess,
        RuleNames.ReactiveManagementIneligible,
        RuleNames.Unallocated,
        RuleNames.RiskReviewOverdue,
        RuleNames.NeighbourhoodNotBriefed,
        RuleNames.DataQuality,
    };

    public override ExplainSubjectKind Kind => ExplainSubjectKind.Offender;

    public override string Name => "offender";

    public override IReadOnlySet<string> Rules => OffenderRules;

    public override bool IsAbout(Finding finding, string id) => finding.OffenderId == id;

    public override bool IsInSnapshot(CaseloadSnapshot snapshot, string id) => snapshot.Offenders.Any(o => o?.Id == id);

    public override IReadOnlyDictionary<string, RuleAccount> Accounts(ExplanationContext context, string id)
    {
        var index = context.ValidOffenderIndex(id);
        if (index < 0)
        {
            var fields = context.RejectedOffenderFields(id);
            var accounts = Everyone("the offender record was rejected, so the other rules did not evaluate it (see DataQuality).");
            accounts[RuleNames.DataQuality] = new RuleAccount(true, "the offender record was rejected as invalid; fields at fault: " + string.Join(", ", fields) + ".");
            return accounts;
        }

        var record = context.Snapshot.Offenders[index];
        if (record.RegisteredOn > context.AsOf)
        {
            var accounts = Everyone("not yet registered on " + Reasons.Date(context.AsOf) + " (registered " + Reasons.Date(record.RegisteredOn) + "), so left out of every count and finding.");
            accounts[RuleNames.DataQuality] = Valid;
            return accounts;
        }

        var o = context.Offender(index);
        var escalation = Escalation(context, o);
        var overdue = VisitOverdue(o, escalation.Placing is { } placing && !context.IsRunning(placing) ? placing : null);
        return new Dictionary<string, RuleAccount>(StringComparer.Ordinal)
        {
            [RuleNames.VisitOverdue] = overdue,
            [RuleNames.EscalateToDetectiveInspector] = escalation.Inspector,
            [RuleNames.EscalateToSupervisor] = escalation.Supervisor,
            [RuleNames.OverdueStaysWithOffenderManager] = escalation.OffenderManager,
            [RuleNames.VisitDueSoon] = VisitDueSoon(o),
            [RuleNames.RepeatedNoAccess] = RepeatedNoAccess(o),
            [RuleNames.ReactiveManagementIneligible] = ReactiveManagementIneligible(o),
            [RuleNames.Unallocated] = Unallocated(o),
            [RuleNames.RiskReviewOverdue] = RiskReviewOverdue(o),
            [RuleNames.NeighbourhoodNotBriefed] = NeighbourhoodNotBriefed(o),
            [RuleNames.DataQuality] = Valid,
        };
    }

    private static RuleAccount Valid => new(false, "the offender record is valid.");

    /// <param name="o">The offender.</param>
    /// <param name="placingSwitchedOff">The escalation rule that would place the overdue visit, when it is switched off: then no finding is raised.</param>
    private static RuleAccount VisitOverdue(OffenderCase o, string? placingSwitchedOff)
    {
        if (!o.NeedsVisits)
        {
            return new(false, NoVisitRequired(o));
        }

        var basis = VisitBasis(o);
        if (VisitSchedule.IsOverdue(o.DaysOverdue))
        {
            basis.Append(", which is before ").Append(Reasons.Date(o.AsOf)).Append(": ").Append(Reasons.Days(o.DaysOverdue!.Value)).Append(" overdue");
            return placingSwitchedOff is null
                ? new(true, basis.Append('.').ToString())
                : new(false, basis.Append("; no finding, because ").Append(placingSwitchedOff).Append(", the escalation rule that would place it, is switched off.").ToString());
        }

        return new(false, basis.Append(NotOverdue(o)).ToString());
    }

    private static RuleAccount VisitDueSoon(OffenderCase o)
    {
        if (!o.NeedsVisits)
        {
            return new(false, NoVisitRequired(o));
        }

        var basis = VisitBasis(o);
        var window = Reasons.Days(o.Policy.DueSoonDays) + " (dueSoonDays)";
        if (VisitSchedule.IsDueSoon(o.DaysOverdue, o.Policy.DueSoonDays))
        {
            var when = o.DaysOverdue == 0 ? "due today" : "in " + Reasons.Days(-o.DaysOverdue!.Value);
            return new(true, basis.Append(", ").Append(when).Append(", within ").Append(window).Append(" of ").Append(Reasons.Date(o.AsOf)).Append('.').ToString());
        }

        if (o.DaysOverdue is not { } daysOverdue)
        {
            return new(false, basis.Append('.').ToString());
        }

        return VisitSchedule.IsOverdue(daysOverdue)
            ? new(false, basis.Append(", which is before ").Append(Reasons.Date(o.AsOf)).Append(": already overdue (see VisitOverdue).").ToString())
            : new(false, basis.Append(", in ").Append(Reasons.Days(-daysOverdue)).Append(", more than ").Append(window).Append(" after ").Append(Reasons.Date(o.AsOf)).Append('.').ToString());
    }

    private static RuleAccount RepeatedNoAccess(OffenderCase o)
    {
        var count = Reasons.Count(o.NoAccessVisitsSinceLastCompleted, "no-access visit")
            + (o.LastCompletedVisit is { } last ? " since the last completed visit " + Reasons.Date(last) : " and no completed visit");
        var threshold = o.Policy.RepeatedNoAccessVisits.ToString(CultureInfo.InvariantCulture) + " (repeatedNoAccessVisits)";
        if (!o.NeedsVisits)
        {
            return new(false, NoVisitRequired(o)[..^1] + "; " + count + ".");
        }

        return o.HasRepeatedNoAccess
            ? new(true, count + ", at least " + threshold + ".")
            : new(false, count + ", below " + threshold + ".");
    }

    private static RuleAccount ReactiveManagementIneligible(OffenderCase o)
    {
        if (VisitSchedule.IsReactiveManagementIneligible(o.ReactiveManagement, o.RiskLevel))
        {
            return new(true, "reactive management is recorded at " + Reasons.Risk(o.RiskLevel) + " risk; it applies only to Low risk"
                + (o.InCustody ? " (in custody: visits are due on release)." : "."));
        }

        return new(false, o.ReactiveManagement
            ? "reactive management is recorded at Low risk, where it applies."
            : "no reactive management is recorded.");
    }

    private static RuleAccount Unallocated(OffenderCase o) =>
        o.Manager is { } manager
            ? new(false, "allocated to manager " + manager.Id + (manager.TeamId is { } team ? " in team " + team : string.Empty) + ".")
            : new(true, "no offender manager is allocated" + (o.InCustody ? " (in custody)." : "."));

    private static RuleAccount RiskReviewOverdue(OffenderCase o)
    {
        if (o.InCustody)
        {
            return new(false, InCustody);
        }

        var text = new StringBuilder(160);
        if (o.RiskAssessedOn is { } assessed)
        {
            text.Append("last risk assessment ").Append(Reasons.Date(assessed)).Append(", review every ").Append(Reasons.Days(o.Policy.RiskReviewDays)).Append(" (riskReviewDays)");
        }
        else
        {
            text.Append("no risk assessment since registration on ").Append(Reasons.Date(o.RegisteredOn))
                .Append(", initial assessment within ").Append(Reasons.Days(o.Policy.InitialAssessmentDays)).Append(" (initialAssessmentDays)");
        }

        text.Append(", due ").Append(o.RiskReviewDueOn is { } d ? Reasons.Date(d) : "never (beyond the calendar)");
        if (RiskReviewSchedule.IsOverdue(o.RiskReviewDueOn, o.AsOf))
        {
            var due = o.RiskReviewDueOn!.Value;
            return new(true, text.Append(", which is before ").Append(Reasons.Date(o.AsOf)).Append(": ").Append(Reasons.Days(o.AsOf.DayNumber - due.DayNumber)).Append(" overdue.").ToString());
        }

        return new(false, (o.RiskReviewDueOn is null ? text : text.Append(", which is not before ").Append(Reasons.Date(o.AsOf))).Append('.').ToString());
    }

    private static RuleAccount NeighbourhoodNotBriefed(OffenderCase o)
    {
        if (o.InCustody)
        {
            return new(false, InCustody);
        }

        if (o.NeighbourhoodId is not { } neighbourhood)
        {
            return new(false, "no neighbourhood is recorded.");
        }

        var since = o.BriefingReferenceDate;
        var limit = o.Policy.NeighbourhoodBriefingDays;
        var days = o.AsOf.DayNumber - since.DayNumber;
        var text = new StringBuilder(200)
            .Append(o.MovedIntoNeighbourhoodOn is null
                ? "in neighbourhood " + neighbourhood + " since " + Reasons.Date(since) + " (registration or release; no move-in date)"
                : "moved into neighbourhood " + neighbourhood + " on " + Reasons.Date(since))
            .Append("; ");
        if (o.LatestBriefingInNeighbourhood is { } briefed && briefed >= since)
        {
            text.Append("briefed on ").Append(Reasons.Date(briefed)).Append(", on or after that.");
        }
        else
        {
            text.Append(o.LatestBriefingInNeighbourhood is { } earlier ? "latest briefing " + Reasons.Date(earlier) + " was before that" : "no briefing since")
                .Append("; ").Append(Reasons.Days(days)).Append(" since, ")
                .Append(days > limit ? "more than " : "not more than ").Append(Reasons.Days(limit)).Append(" (neighbourhoodBriefingDays).");
        }

        return new(NeighbourhoodBriefingSchedule.IsNotBriefed(o.AsOf, since, o.LatestBriefingInNeighbourhood, limit), text.ToString());
    }

    /// <summary>The three escalation rules' accounts: each level's clauses as <see cref="EscalationLadder"/> states them.</summary>
    /// <returns>The three accounts, and the name of the rule whose conditions place the overdue visit (<see langword="null"/> when it is not overdue).</returns>
    private static (RuleAccount Inspector, RuleAccount Supervisor, RuleAccount OffenderManager, string? Placing) Escalation(ExplanationContext context, OffenderCase o)
    {
        if (!VisitOverdueRule.Holds(o))
        {
            var notOverdue = new RuleAccount(false, "the home visit is not overdue (see VisitOverdue).");
            return (notOverdue, notOverdue, notOverdue, null);
        }

        if (!context.IsRunning(RuleNames.VisitOverdue))
        {
            var off = new RuleAccount(false, "no overdue visit is concluded: VisitOverdue is switched off.");
            return (off, off, off, null);
        }

        var visit = new OverdueVisit(o, RuleNames.VisitOverdue);
        var inspector = EscalationLadder.AnyHolds(EscalationLadder.DetectiveInspector, visit);
        var supervisor = !inspector && EscalationLadder.AnyHolds(EscalationLadder.Supervisor, visit);
        var inspectorText = string.Join("; ", EscalationLadder.Comparisons(EscalationLadder.DetectiveInspector, visit)) + ".";
        var supervisorText = string.Join("; ", EscalationLadder.Comparisons(EscalationLadder.Supervisor, visit)) + ".";
        return (
            new(inspector, inspectorText),
            inspector
                ? new(false, "it goes to the detective inspector instead: " + inspectorText)
                : new(supervisor, supervisorText),
            inspector ? new(false, "it goes to the detective inspector: " + inspectorText)
            : supervisor ? new(false, "it goes to the supervisor: " + supervisorText)
            : new(true, "no escalation condition holds: " + inspectorText[..^1] + "; " + supervisorText),
            inspector ? RuleNames.EscalateToDetectiveInspector : supervisor ? RuleNames.EscalateToSupervisor : RuleNames.OverdueStaysWithOffenderManager);
    }

    private static string NoVisitRequired(OffenderCase o) =>
        "no home visit is required: " + (o.InCustody ? "in custody." : "reactive management at Low risk.");

    /// <summary>"last completed visit 2018-03-02, interval 91 days (High risk, visitIntervalDays.high), due 2018-06-01"</summary>
    private static StringBuilder VisitBasis(OffenderCase o)
    {
        var text = new StringBuilder(200);
        if (o.FirstVisitPending)
        {
            text.Append(o.ReleasedOn is { } released && released == o.Start ? "released " : "registered ").Append(Reasons.Date(o.Start))
                .Append(o.LastCompletedVisit is { } last ? ", last completed visit " + Reasons.Date(last) + " was before that" : ", no completed visit since")
                .Append(", first visit within ").Append(Reasons.Days(o.Policy.FirstVisitDays)).Append(" (firstVisitDays)");
        }
        else
        {
            text.Append("last completed visit ").Append(Reasons.Date(o.LastCompletedVisit!.Value))
                .Append(", interval ").Append(Reasons.Days(o.VisitIntervalDays))
                .Append(o.IntervalFromPlan ? " (the risk management plan's own)" : " (" + Reasons.Risk(o.RiskLevel) + " risk, visitIntervalDays." + IntervalName(o.RiskLevel) + ")");
        }

        return text.Append(", due ").Append(o.VisitDueOn is { } due ? Reasons.Date(due) : "never (beyond the calendar)");
    }

    private static string NotOverdue(OffenderCase o) =>
        o.VisitDueOn is not { } due ? "."
        : due == o.AsOf ? ", which is the as-of date: due today, not overdue."
        : ", which is after " + Reasons.Date(o.AsOf) + ".";

    private static string IntervalName(RiskLevel risk) => risk switch
    {
        RiskLevel.VeryHigh => "veryHigh",
        RiskLevel.High => "high",
        RiskLevel.Medium => "medium",
        _ => "low",
    };
}
