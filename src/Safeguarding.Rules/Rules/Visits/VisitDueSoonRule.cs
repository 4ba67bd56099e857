using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Visits;

/// <summary>A visit due today or within the due-soon window is due soon.</summary>
[Name(RuleNames.VisitDueSoon)]
[Description("A home visit is due soon when its due date is on the as-of date or within the due-soon days after it (default 14).")]
[Tag(RuleTags.Visits)]
internal sealed class VisitDueSoonRule : Rule
{
    public override void Define()
    {
        OffenderCase offender = null!;

        When()
            .Match(() => offender, o => o.NeedsVisits, o => o.DaysOverdue <= 0 && -o.DaysOverdue <= o.Policy.DueSoonDays);

        Then()
            .Do(ctx => FindingOutput.Raise(ctx, DueSoon(offender)));
    }

    private static Finding DueSoon(OffenderCase o) => new()
    {
        Kind = FindingKinds.VisitDueSoon,
        Rule = RuleNames.VisitDueSoon,
        Reason = Reasons.VisitBasis(o)
            .Append(o.DaysOverdue == 0 ? "; due today" : "; due in " + Reasons.Days(-o.DaysOverdue))
            .Append('.')
            .ToString(),
        OffenderId = o.Id,
        ManagerId = o.ManagerId,
        TeamId = o.TeamId,
        RiskLevel = o.RiskLevel,
        DueOn = o.VisitDueOn,
        DaysUntilDue = -o.DaysOverdue,
    };
}
