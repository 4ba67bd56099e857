namespace Safeguarding.Rules.Community;

/// <summary>When a risk review falls due (contract section 2, Community): its arithmetic, used by the rule and the offender facts.</summary>
internal static class RiskReviewSchedule
{
    /// <summary>
    /// The latest assessment plus the review days, or, with no assessment, registration plus the initial-assessment
    /// days. <see langword="null"/> when that date is beyond the calendar: never due.
    /// </summary>
    public static DateOnly? DueOn(DateOnly registeredOn, DateOnly? riskAssessedOn, int riskReviewDays, int initialAssessmentDays) =>
        riskAssessedOn is { } assessed
            ? PolicyCalendar.AddDays(assessed, riskReviewDays)
            : PolicyCalendar.AddDays(registeredOn, initialAssessmentDays);

    /// <summary>Overdue: the due date is before the as-of date.</summary>
    public static bool IsOverdue(DateOnly? dueOn, DateOnly asOf) => dueOn < asOf;
}
