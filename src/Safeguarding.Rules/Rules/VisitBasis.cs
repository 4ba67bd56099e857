using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules;

/// <summary>
/// What a visit finding's reason begins with (<see cref="Reasons.VisitBasis(VisitBasis)"/>), copied out of the
/// offender's fact when the finding is made: the reason is written later (<see cref="Findings.DeferredReason"/>).
/// </summary>
/// <param name="RiskLevel">The offender's risk level.</param>
/// <param name="FirstVisitPending">Whether the first visit since registration or release is still to come.</param>
/// <param name="StartIsRelease">Whether the visits' start is a release rather than the registration.</param>
/// <param name="Start">Registration or release, whichever is later.</param>
/// <param name="LastCompletedVisit">The latest completed home visit, if any.</param>
/// <param name="FirstVisitDays">The policy's <c>firstVisitDays</c>.</param>
/// <param name="VisitIntervalDays">The visit interval in days.</param>
/// <param name="IntervalFromPlan">Whether that interval is the risk management plan's own.</param>
/// <param name="VisitDueOn">When the next visit is due (none beyond the calendar).</param>
internal readonly record struct VisitBasis(
    RiskLevel RiskLevel,
    bool FirstVisitPending,
    bool StartIsRelease,
    DateOnly Start,
    DateOnly? LastCompletedVisit,
    int FirstVisitDays,
    int VisitIntervalDays,
    bool IntervalFromPlan,
    DateOnly? VisitDueOn)
{
    public static VisitBasis Of(OffenderCase o) => new(
        o.RiskLevel,
        o.FirstVisitPending,
        o.ReleasedOn is { } released && released == o.Start,
        o.Start,
        o.LastCompletedVisit,
        o.Policy.FirstVisitDays,
        o.VisitIntervalDays,
        o.IntervalFromPlan,
        o.VisitDueOn);
}
