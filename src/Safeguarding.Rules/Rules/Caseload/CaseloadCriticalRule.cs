using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Caseload;

/// <summary>A manager holding more than the critical caseload is critical (and gets only this finding).</summary>
[Name(RuleNames.CaseloadCritical)]
[Description("A manager whose caseload is above {caseload.critical} (caseload.critical) is critical; a critical manager gets only the critical finding.")]
[Tag(RuleTags.Caseload)]
[FindingKind(FindingKinds.CaseloadCritical)]
internal sealed class CaseloadCriticalRule : BuiltInRule
{
    public override void Define()
    {
        ManagerCase manager = null!;

        When()
            .Match(() => manager, m => CaseloadMembership.IsCritical(m.Caseload, m.Policy.Caseload.Critical));

        Then()
            .Do(ctx => Raise(ctx, Critical(manager)));
    }

    /// <summary>
    /// The finding this rule raises for <paramref name="manager"/>; also what the live monitor refreshes it to when the
    /// caseload changes and the manager stays critical.
    /// </summary>
    internal static Finding Critical(ManagerCase manager) =>
        CaseloadFindings.For(manager, FindingKinds.CaseloadCritical, RuleNames.CaseloadCritical, "critical level", manager.Policy.Caseload.Critical);
}
