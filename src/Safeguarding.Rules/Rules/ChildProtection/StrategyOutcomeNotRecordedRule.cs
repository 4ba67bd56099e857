using System.Globalization;
using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.ChildProtection;

/// <summary>A strategy discussion whose outcome is not recorded by its due working day is inconsistent recording.</summary>
[Name(RuleNames.StrategyOutcomeNotRecorded)]
[Description("A strategy discussion's outcome must be recorded within {childProtection.strategyOutcomeWorkingDays} working day(s) after it was held (childProtection.strategyOutcomeWorkingDays; working days are Monday to Friday except {childProtection.nonWorkingDays}); a finding when the as-of date is after that due date and no outcome is recorded by then.")]
[Tag(RuleTags.ChildProtection)]
[FindingKind(FindingKinds.StrategyOutcomeNotRecorded)]
internal sealed class StrategyOutcomeNotRecordedRule : BuiltInRule
{
    public override void Define()
    {
        StrategyDiscussionCase discussion = null!;

        When()
            .Match(() => discussion, d => StrategyOutcomeDeadline.IsNotRecorded(d.OutcomeRecordedOn, d.DueOn, d.AsOf));

        Then()
            .Do(ctx => Raise(ctx, NotRecorded(discussion)));
    }

    private static Finding NotRecorded(StrategyDiscussionCase d)
    {
        var due = d.DueOn!.Value;
        var days = d.AsOf.DayNumber - due.DayNumber;
        return new Finding(
            FindingKinds.StrategyOutcomeNotRecorded,
            RuleNames.StrategyOutcomeNotRecorded,
            Reasons.Later(
                (d.DiscussionId, d.HeldOn, d.Policy.ChildProtection.StrategyOutcomeWorkingDays, Due: due, Days: days),
                static r => "Strategy discussion " + r.DiscussionId + " held " + Reasons.Date(r.HeldOn) + "; outcome due within "
                    + r.StrategyOutcomeWorkingDays.ToString(CultureInfo.InvariantCulture) + " working day(s), by "
                    + Reasons.Date(r.Due) + "; not recorded; " + Reasons.Days(r.Days) + " overdue."))
        {
            DiscussionId = d.DiscussionId,
            TeamId = d.TeamId,
            HeldOn = d.HeldOn,
            DueOn = due,
            DaysOverdue = days,
        };
    }
}
