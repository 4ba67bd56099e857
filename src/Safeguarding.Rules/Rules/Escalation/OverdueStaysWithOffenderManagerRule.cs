using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Escalation;

/// <summary>An overdue visit for which no escalation condition holds stays with the offender manager.</summary>
[Name(RuleNames.OverdueStaysWithOffenderManager)]
[Description("An overdue visit for which neither a detective inspector nor a supervisor condition holds stays with the offender manager.")]
[Tag(RuleTags.Escalation)]
[Tag(RuleTags.Visits)]
internal sealed class OverdueStaysWithOffenderManagerRule : Rule
{
    private static readonly string[] NoCondition = ["no escalation condition holds"];

    public override void Define()
    {
        OverdueVisit visit = null!;

        When()
            .Match(() => visit, v => !EscalationConditions.DetectiveInspector(v), v => !EscalationConditions.Supervisor(v));

        Then()
            .Do(ctx => FindingOutput.Raise(ctx, Reasons.Overdue(visit, RuleNames.OverdueStaysWithOffenderManager, EscalationLevel.OffenderManager, NoCondition)));
    }
}
