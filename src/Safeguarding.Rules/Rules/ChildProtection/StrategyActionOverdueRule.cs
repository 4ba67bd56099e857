using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.ChildProtection;

/// <summary>A police-owned action of a strategy discussion not completed by its due date is overdue.</summary>
[Name(RuleNames.StrategyActionOverdue)]
[Description("An action agreed at a strategy discussion and owned by the police is overdue when it is not completed by the as-of date and the as-of date is after its due date. Other agencies' actions are theirs to chase and give no finding.")]
[Tag(RuleTags.ChildProtection)]
[FindingKind(FindingKinds.StrategyActionOverdue)]
internal sealed class StrategyActionOverdueRule : BuiltInRule
{
    public override void Define()
    {
        StrategyActionCase action = null!;

        When()
            .Match(() => action, a => StrategyActionDeadline.IsPolices(a.Owner), a => StrategyActionDeadline.IsOverdue(a.CompletedOn, a.DueOn, a.AsOf));

        Then()
            .Do(ctx => Raise(ctx, Overdue(action)));
    }

    private static Finding Overdue(StrategyActionCase a)
    {
        var days = a.AsOf.DayNumber - a.DueOn.DayNumber;
        return new Finding(
            FindingKinds.StrategyActionOverdue,
            RuleNames.StrategyActionOverdue,
            Reasons.Later(
                (a.DiscussionId, a.ActionId, a.DueOn, Days: days),
                static r => "Strategy discussion " + r.DiscussionId + ", police action " + r.ActionId + ": due " + Reasons.Date(r.DueOn)
                    + "; not completed; " + Reasons.Days(r.Days) + " overdue."))
        {
            DiscussionId = a.DiscussionId,
            ActionId = a.ActionId,
            TeamId = a.TeamId,
            DueOn = a.DueOn,
            DaysOverdue = days,
        };
    }
}
