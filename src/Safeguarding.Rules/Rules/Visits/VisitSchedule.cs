using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Visits;

/// <summary>
/// The home-visit policy's arithmetic (contract section 2, Visits): who needs visits, when the current period in the
/// community starts, the interval in force, when the next visit is due, and whether it is overdue or due soon.
/// The rules of this folder and the offender facts use these functions and nothing else.
/// </summary>
internal static class VisitSchedule
{
    /// <summary>Home visits are required unless the offender is in custody, or under reactive management at Low risk.</summary>
    public static bool NeedsVisits(bool inCustody, bool reactiveManagement, RiskLevel riskLevel) =>
        !inCustody && !(reactiveManagement && riskLevel == RiskLevel.Low);

    /// <summary>Reactive management is recorded above Low risk, where it does not apply (in custody or not).</summary>
    public static bool IsReactiveManagementIneligible(bool reactiveManagement, RiskLevel riskLevel) =>
        reactiveManagement && riskLevel != RiskLevel.Low;

    /// <summary>The start of the current period in the community: the later of registration and release.</summary>
    public static DateOnly Start(DateOnly registeredOn, DateOnly? releasedOn) =>
        releasedOn is { } released && released > registeredOn ? released : registeredOn;

    /// <summary>The interval in force: the risk management plan's own when it gives one, else the policy's for the risk level.</summary>
    public static int IntervalDays(VisitIntervalsView intervals, RiskLevel riskLevel, int? planIntervalDays) =>
        planIntervalDays ?? intervals.For(riskLevel);

    /// <summary>No completed visit since <paramref name="start"/>, so the first-visit deadline applies rather than the interval.</summary>
    public static bool FirstVisitPending(DateOnly? lastCompletedVisit, DateOnly start) =>
        lastCompletedVisit is not { } last || last < start;

    /// <summary>
    /// When the next home visit is due: the start plus the first-visit days while the first visit is pending, else the
    /// latest completed visit plus the interval. <see langword="null"/> when that date is beyond the calendar: never due.
    /// </summary>
    public static DateOnly? DueOn(DateOnly start, DateOnly? lastCompletedVisit, int intervalDays, int firstVisitDays) =>
        FirstVisitPending(lastCompletedVisit, start)
            ? PolicyCalendar.AddDays(start, firstVisitDays)
            : PolicyCalendar.AddDays(lastCompletedVisit!.Value, intervalDays);

    /// <summary>The as-of date minus the due date in days: positive when overdue, 0 when due today, negative when not yet due; <see langword="null"/> when never due.</summary>
    public static int? DaysOverdue(DateOnly? dueOn, DateOnly asOf) =>
        dueOn is { } due ? asOf.DayNumber - due.DayNumber : null;

    /// <summary>Overdue: the as-of date is after the due date (a visit due today is not overdue).</summary>
    public static bool IsOverdue(int? daysOverdue) => daysOverdue > 0;

    /// <summary>Due soon: due on the as-of date or within the due-soon days after it.</summary>
    public static bool IsDueSoon(int? daysOverdue, int dueSoonDays) => daysOverdue <= 0 && -daysOverdue <= dueSoonDays;

    /// <summary>Repeated no access: visits are needed and the no-access visits since the latest completed one reach the threshold.</summary>
    public static bool HasRepeatedNoAccess(bool needsVisits, int noAccessVisitsSinceLastCompleted, int threshold) =>
        needsVisits && noAccessVisitsSinceLastCompleted >= threshold;
}
