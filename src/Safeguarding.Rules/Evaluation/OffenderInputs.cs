using Safeguarding.Rules.Community;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Visits;

namespace Safeguarding.Rules.Evaluation;

/// <summary>
/// The per-offender aggregates computed in plain C#, from which each partition creates its offender facts. The
/// policy's dates for each offender are cached on the fact, computed by the policy's own functions in the rule folders.
/// </summary>
internal sealed class OffenderInputs(
    IReadOnlyList<Offender> offenders,
    ManagerCase?[] managers,
    DateOnly?[] lastCompleted,
    int[] noAccess,
    DateOnly?[] latestBriefing,
    DateOnly asOf,
    PolicyView policy)
{
    public OffenderCase Create(int index)
    {
        var offender = offenders[index];
        var releasedOn = OffenderCase.NotAfter(offender.ReleasedOn, asOf);
        var movedIn = OffenderCase.NotAfter(offender.MovedIntoNeighbourhoodOn, asOf);
        var assessedOn = OffenderCase.NotAfter(offender.RiskAssessedOn, asOf);
        var needsVisits = VisitSchedule.NeedsVisits(offender.InCustody, offender.ReactiveManagement, offender.RiskLevel);
        var start = VisitSchedule.Start(offender.RegisteredOn, releasedOn);
        var interval = VisitSchedule.IntervalDays(policy.VisitIntervalDays, offender.RiskLevel, offender.VisitIntervalDays);
        var last = lastCompleted[index];
        var dueOn = VisitSchedule.DueOn(start, last, interval, policy.FirstVisitDays);
        return new OffenderCase(offender, managers[index], asOf, policy)
        {
            NeedsVisits = needsVisits,
            Start = start,
            VisitIntervalDays = interval,
            IntervalFromPlan = offender.VisitIntervalDays.HasValue,
            LastCompletedVisit = last,
            NoAccessVisitsSinceLastCompleted = noAccess[index],
            HasRepeatedNoAccess = VisitSchedule.HasRepeatedNoAccess(needsVisits, noAccess[index], policy.RepeatedNoAccessVisits),
            FirstVisitPending = VisitSchedule.FirstVisitPending(last, start),
            VisitDueOn = dueOn,
            DaysOverdue = VisitSchedule.DaysOverdue(dueOn, asOf),
            BriefingReferenceDate = NeighbourhoodBriefingSchedule.ReferenceDate(movedIn, start),
            LatestBriefingInNeighbourhood = latestBriefing[index],
            RiskReviewDueOn = RiskReviewSchedule.DueOn(offender.RegisteredOn, assessedOn, policy.RiskReviewDays, policy.InitialAssessmentDays),
        };
    }
}
