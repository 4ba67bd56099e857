using System.Runtime.CompilerServices;
using Safeguarding.Rules.Community;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Visits;

namespace Safeguarding.Rules.Evaluation;

/// <summary>
/// The per-offender aggregates computed in plain C# (dates as <see cref="RecordAggregates"/> keeps them; each offender's
/// manager as its position in the managers array, -1 for none), from which each partition creates its offender facts. The
/// policy's dates for each offender are cached on the fact, computed by the policy's own functions in the rule folders.
/// <see cref="Refresh"/> is the one place that sets an offender fact's fields: evaluation uses it through
/// <see cref="Create(int, OffenderCase)"/>, and the live monitor to refresh a fact in place after a change.
/// </summary>
internal sealed class OffenderInputs(
    IReadOnlyList<Offender> offenders,
    ManagerCase?[] managers,
    int[] offenderManagers,
    int[] lastCompleted,
    int[] noAccess,
    int[] latestBriefing,
    DateOnly asOf,
    PolicyView policy)
{
    /// <summary>The offender fact of snapshot index <paramref name="index"/>: a new one, or <paramref name="reuse"/> (a fact never inserted into a session) refilled.</summary>
    [MethodImpl(PerRecord.Compiled)]
    public OffenderCase Create(int index, OffenderCase? reuse = null)
    {
        var offender = offenders[index];
        var managerPosition = offenderManagers[index];
        var manager = managerPosition >= 0 ? managers[managerPosition] : null;
        OffenderCase fact;
        if (reuse is null)
        {
            fact = new OffenderCase(offender, manager, asOf, policy);
        }
        else
        {
            fact = reuse;
            fact.SetRecord(offender, manager, asOf);
        }

        Derive(fact, offender, RecordAggregates.Day(lastCompleted[index]), noAccess[index], RecordAggregates.Day(latestBriefing[index]), asOf, policy);
        return fact;
    }

    /// <summary>Sets every field of <paramref name="fact"/> from the record, its manager and its aggregates as of <paramref name="asOf"/>.</summary>
    public static void Refresh(OffenderCase fact, Offender offender, ManagerCase? manager, DateOnly? lastCompletedVisit, int noAccessSinceLastCompleted, DateOnly? latestBriefingInNeighbourhood, DateOnly asOf, PolicyView policy)
    {
        fact.SetRecord(offender, manager, asOf);
        Derive(fact, offender, lastCompletedVisit, noAccessSinceLastCompleted, latestBriefingInNeighbourhood, asOf, policy);
    }

    private static void Derive(OffenderCase fact, Offender offender, DateOnly? last, int noAccess, DateOnly? latestBriefing, DateOnly asOf, PolicyView policy)
    {
        var releasedOn = OffenderCase.NotAfter(offender.ReleasedOn, asOf);
        var movedIn = OffenderCase.NotAfter(offender.MovedIntoNeighbourhoodOn, asOf);
        var assessedOn = OffenderCase.NotAfter(offender.RiskAssessedOn, asOf);
        var needsVisits = VisitSchedule.NeedsVisits(offender.InCustody, offender.ReactiveManagement, offender.RiskLevel);
        var start = VisitSchedule.Start(offender.RegisteredOn, releasedOn);
        var interval = VisitSchedule.IntervalDays(policy.VisitIntervalDays, offender.RiskLevel, offender.VisitIntervalDays);
        var dueOn = VisitSchedule.DueOn(start, last, interval, policy.FirstVisitDays);
        fact.NeedsVisits = needsVisits;
        fact.Start = start;
        fact.VisitIntervalDays = interval;
        fact.IntervalFromPlan = offender.VisitIntervalDays.HasValue;
        fact.LastCompletedVisit = last;
        fact.NoAccessVisitsSinceLastCompleted = noAccess;
        fact.HasRepeatedNoAccess = VisitSchedule.HasRepeatedNoAccess(needsVisits, noAccess, policy.RepeatedNoAccessVisits);
        fact.FirstVisitPending = VisitSchedule.FirstVisitPending(last, start);
        fact.VisitDueOn = dueOn;
        fact.DaysOverdue = VisitSchedule.DaysOverdue(dueOn, asOf);
        fact.BriefingReferenceDate = NeighbourhoodBriefingSchedule.ReferenceDate(movedIn, start);
        fact.LatestBriefingInNeighbourhood = latestBriefing;
        fact.RiskReviewDueOn = RiskReviewSchedule.DueOn(offender.RegisteredOn, assessedOn, policy.RiskReviewDays, policy.InitialAssessmentDays);
    }
}
