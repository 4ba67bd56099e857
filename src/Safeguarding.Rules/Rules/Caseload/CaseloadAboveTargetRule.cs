using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Caseload;

/// <summary>A manager holding more than the target caseload, but not a critical one, is above target.</summary>
[Name(RuleNames.CaseloadAboveTarget)]
[Description("A manager whose caseload (offenders in the community, reactive management included) is above {caseload.target} (caseload.target) and not above {caseload.critical} (caseload.critical) is above target.")]
[Tag(RuleTags.Caseload)]
[FindingKind(FindingKinds.CaseloadAboveTarget)]
internal sealed class CaseloadAboveTargetRule : BuiltInRule
{
    public override void Define()
    {
        ManagerCase manager = null!;

        When()
            .Match(() => manager, m => CaseloadMembership.IsAboveTarget(m.Caseload, m.Policy.Caseload.Target, m.Policy.Caseload.Critical));

        Then()
            .Do(ctx => Raise(ctx, AboveTarget(manager)));
    }

    /// <summary>
    /// The finding this rule raises for <paramref name="manager"/>; also what the live monitor refreshes it to when the
    /// caseload changes and the manager stays above target.
    /// </summary>
    internal static Finding AboveTarget(ManagerCase manager) =>
        CaseloadFindings.For(manager, FindingKinds.CaseloadAboveTarget, RuleNames.CaseloadAboveTarget, "target", manager.Policy.Caseload.Target);
}
