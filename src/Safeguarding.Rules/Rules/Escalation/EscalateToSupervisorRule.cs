using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Escalation;

/// <summary>An overdue visit not for the detective inspector goes to the supervisor when any supervisor condition holds.</summary>
[Name(RuleNames.EscalateToSupervisor)]
[Description("An overdue visit that does not go to the detective inspector goes to the supervisor when it is more than 14 days overdue (escalation.supervisorAfterDays), or the risk is Very High, or the offender has repeated no access, or the manager's caseload is critical.")]
[Tag(RuleTags.Escalation)]
[Tag(RuleTags.Visits)]
internal sealed class EscalateToSupervisorRule : Rule
{
    public override void Define()
    {
        OverdueVisit visit = null!;

        When()
            .Match(() => visit, v => !EscalationConditions.DetectiveInspector(v), v => EscalationConditions.Supervisor(v));

        Then()
            .Do(ctx => FindingOutput.Raise(ctx, Reasons.Overdue(visit, RuleNames.EscalateToSupervisor, EscalationLevel.Supervisor, EscalationConditions.SupervisorReasons(visit))));
    }
}
