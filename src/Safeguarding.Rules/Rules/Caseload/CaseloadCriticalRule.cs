using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Caseload;

/// <summary>A manager holding more than the critical caseload is critical (and gets only this finding).</summary>
[Name(RuleNames.CaseloadCritical)]
[Description("A manager whose caseload is above 75 (caseload.critical) is critical; a critical manager gets only the critical finding.")]
[Tag(RuleTags.Caseload)]
internal sealed class CaseloadCriticalRule : Rule
{
    public override void Define()
    {
        ManagerCase manager = null!;

        When()
            .Match(() => manager, m => m.IsCaseloadCritical);

        Then()
            .Do(ctx => FindingOutput.Raise(ctx, CaseloadFindings.For(manager, FindingKinds.CaseloadCritical, RuleNames.CaseloadCritical, "critical level", manager.Policy.Caseload.Critical)));
    }
}
