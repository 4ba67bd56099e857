using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Visits;

/// <summary>An offender who needs visits and whose visit due date is before the as-of date has an overdue visit.</summary>
[Name(RuleNames.VisitOverdue)]
[Description("A home visit is overdue when the as-of date is after its due date: the latest completed visit since registration or release plus the visit interval, or, with no such visit, registration or release plus the first-visit days.")]
[Tag(RuleTags.Visits)]
internal sealed class VisitOverdueRule : Rule
{
    public override void Define()
    {
        OffenderCase offender = null!;

        When()
            .Match(() => offender, o => o.NeedsVisits, o => o.DaysOverdue > 0);

        Then()
            .Yield(_ => new OverdueVisit(offender, RuleNames.VisitOverdue));
    }
}
