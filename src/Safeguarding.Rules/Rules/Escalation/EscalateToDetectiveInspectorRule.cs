using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Escalation;

/// <summary>An overdue visit goes to the detective inspector when it is long overdue, or overdue at High or Very High risk.</summary>
[Name(RuleNames.EscalateToDetectiveInspector)]
[Description("An overdue visit goes to the detective inspector when it is more than {escalation.inspectorAfterDays} days overdue (escalation.inspectorAfterDays), or the risk is High or Very High and it is more than {escalation.highRiskInspectorAfterDays} days overdue (escalation.highRiskInspectorAfterDays).")]
[Tag(RuleTags.Escalation)]
[Tag(RuleTags.Visits)]
[FindingKind(FindingKinds.VisitOverdue)]
internal sealed class EscalateToDetectiveInspectorRule : BuiltInRule
{
    public override void Define()
    {
        OverdueVisit visit = null!;

        When()
            .Match(() => visit, v => EscalationLadder.AnyHolds(EscalationLadder.DetectiveInspector, v));

        Then()
            .Do(ctx => Raise(ctx, Escalated(visit)));
    }

    /// <summary>The finding this rule raises for <paramref name="visit"/>; also what the live monitor refreshes it to on a new day that cannot change the offender's matches.</summary>
    internal static Finding Escalated(OverdueVisit visit) =>
        Reasons.Overdue(visit, RuleNames.EscalateToDetectiveInspector, EscalationLevel.DetectiveInspector, EscalationLadder.DetectiveInspector);
}
