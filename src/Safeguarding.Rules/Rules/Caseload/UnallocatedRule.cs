using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Caseload;

/// <summary>An offender with no manager is unallocated: nobody will visit them.</summary>
[Name(RuleNames.Unallocated)]
[Description("Every offender with no offender manager is unallocated, in custody or not.")]
[Tag(RuleTags.Caseload)]
internal sealed class UnallocatedRule : Rule
{
    public override void Define()
    {
        OffenderCase offender = null!;

        When()
            .Match(() => offender, o => o.Manager == null);

        Then()
            .Do(ctx => FindingOutput.Raise(ctx, Unallocated(offender)));
    }

    private static Finding Unallocated(OffenderCase o) => new()
    {
        Kind = FindingKinds.Unallocated,
        Rule = RuleNames.Unallocated,
        Reason = Reasons.Risk(o.RiskLevel) + " risk: no offender manager is allocated" + (o.InCustody ? " (in custody)." : "; nobody is responsible for visits."),
        OffenderId = o.Id,
        RiskLevel = o.RiskLevel,
    };
}
