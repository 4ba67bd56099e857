using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Visits;

/// <summary>An offender who needs visits and whose visit due date is before the as-of date has an overdue visit.</summary>
[Name(RuleNames.VisitOverdue)]
[Description("A home visit is overdue when the as-of date is after its due date: the latest completed visit since registration or release plus the visit interval (the risk management plan's own, else {visitIntervalDays.veryHigh} / {visitIntervalDays.high} / {visitIntervalDays.medium} / {visitIntervalDays.low} days for Very High / High / Medium / Low risk), or, with no such visit, registration or release plus {firstVisitDays} days (firstVisitDays). Visits are not required in custody, nor under reactive management at Low risk. A due date beyond the calendar (after 9999-12-31) is never reached.")]
[Tag(RuleTags.Visits)]
internal sealed class VisitOverdueRule : BuiltInRule
{
    public override void Define()
    {
        OffenderCase offender = null!;

        When()
            .Match(() => offender, o => Holds(o));

        Then()
            .Yield(_ => new OverdueVisit(offender, RuleNames.VisitOverdue));
    }

    /// <summary>
    /// Whether <paramref name="offender"/> has an overdue visit: it needs visits and its due date has passed. The rule's
    /// condition; also what the explanations and the live monitor (its per-team count of overdue visits) test.
    /// </summary>
    internal static bool Holds(OffenderCase offender) => offender.NeedsVisits && VisitSchedule.IsOverdue(offender.DaysOverdue);
}
