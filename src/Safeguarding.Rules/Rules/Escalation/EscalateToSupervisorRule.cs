using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Escalation;

/// <summary>An overdue visit not for the detective inspector goes to the supervisor when any supervisor condition holds.</summary>
[Name(RuleNames.EscalateToSupervisor)]
[Description("An overdue visit that does not go to the detective inspector goes to the supervisor when it is more than {escalation.supervisorAfterDays} days overdue (escalation.supervisorAfterDays), or the risk is Very High, or the offender has repeated no access, or the manager's caseload is critical.")]
[Tag(RuleTags.Escalation)]
[Tag(RuleTags.Visits)]
[FindingKind(FindingKinds.VisitOverdue)]
internal sealed class EscalateToSupervisorRule : BuiltInRule
{
    public override void Define()
    {
        OverdueVisit visit = null!;

        When()
            .Match(() => visit, v => !EscalationLadder.AnyHolds(EscalationLadder.DetectiveInspector, v), v => EscalationLadder.AnyHolds(EscalationLadder.Supervisor, v));

        Then()
            .Do(ctx => Raise(ctx, Escalated(visit)));
    }

    /// <summary>
    /// The finding this rule raises for <paramref name="visit"/>; also what the live monitor refreshes a still-critical
    /// manager's escalations to when only the caseload in their reasons changed.
    /// </summary>
    internal static Finding Escalated(OverdueVisit visit) =>
        Reasons.Overdue(visit, RuleNames.EscalateToSupervisor, EscalationLevel.Supervisor, EscalationLadder.Supervisor);
}
