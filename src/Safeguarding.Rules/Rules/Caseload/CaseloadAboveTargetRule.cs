using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Caseload;

/// <summary>A manager holding more than the target caseload, but not a critical one, is above target.</summary>
[Name(RuleNames.CaseloadAboveTarget)]
[Description("A manager whose caseload (offenders in the community, reactive management included) is above 50 (caseload.target) and not above 75 (caseload.critical) is above target.")]
[Tag(RuleTags.Caseload)]
internal sealed class CaseloadAboveTargetRule : Rule
{
    public override void Define()
    {
        ManagerCase manager = null!;

        When()
            .Match(() => manager, m => m.Caseload > m.Policy.Caseload.Target, m => !m.IsCaseloadCritical);

        Then()
            .Do(ctx => FindingOutput.Raise(ctx, CaseloadFindings.For(manager, FindingKinds.CaseloadAboveTarget, RuleNames.CaseloadAboveTarget, "target", manager.Policy.Caseload.Target)));
    }
}
