using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Visits;

/// <summary>Reactive management is only for Low risk; above it the flag hides risk.</summary>
[Name(RuleNames.ReactiveManagementIneligible)]
[Description("Reactive management recorded for an offender above Low risk is a data problem that hides risk; such an offender needs visits like any other.")]
[Tag(RuleTags.Visits)]
[FindingKind(FindingKinds.ReactiveManagementIneligible)]
internal sealed class ReactiveManagementIneligibleRule : BuiltInRule
{
    public override void Define()
    {
        OffenderCase offender = null!;

        When()
            .Match(() => offender, o => VisitSchedule.IsReactiveManagementIneligible(o.ReactiveManagement, o.RiskLevel));

        Then()
            .Do(ctx => Raise(ctx, Ineligible(offender)));
    }

    private static Finding Ineligible(OffenderCase o) => new()
    {
        Kind = FindingKinds.ReactiveManagementIneligible,
        Rule = RuleNames.ReactiveManagementIneligible,
        Reason = Reasons.Risk(o.RiskLevel) + " risk: reactive management is recorded but applies only to Low risk; home visits remain required"
            + (o.InCustody ? " on release." : "."),
        OffenderId = o.Id,
        ManagerId = o.ManagerId,
        TeamId = o.TeamId,
        RiskLevel = o.RiskLevel,
    };
}
