using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Escalation;

/// <summary>An overdue visit goes to the detective inspector when it is long overdue, or overdue at High or Very High risk.</summary>
[Name(RuleNames.EscalateToDetectiveInspector)]
[Description("An overdue visit goes to the detective inspector when it is more than 28 days overdue (escalation.inspectorAfterDays), or the risk is High or Very High and it is more than 7 days overdue (escalation.highRiskInspectorAfterDays).")]
[Tag(RuleTags.Escalation)]
[Tag(RuleTags.Visits)]
internal sealed class EscalateToDetectiveInspectorRule : Rule
{
    public override void Define()
    {
        OverdueVisit visit = null!;

        When()
            .Match(() => visit, v => EscalationConditions.DetectiveInspector(v));

        Then()
            .Do(ctx => FindingOutput.Raise(ctx, Reasons.Overdue(visit, RuleNames.EscalateToDetectiveInspector, EscalationLevel.DetectiveInspector, EscalationConditions.DetectiveInspectorReasons(visit))));
    }
}
