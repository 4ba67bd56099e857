using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Escalation;

/// <summary>An overdue visit for which no escalation condition holds stays with the offender manager.</summary>
[Name(RuleNames.OverdueStaysWithOffenderManager)]
[Description("An overdue visit for which neither a detective inspector nor a supervisor condition holds stays with the offender manager.")]
[Tag(RuleTags.Escalation)]
[Tag(RuleTags.Visits)]
[FindingKind(FindingKinds.VisitOverdue)]
internal sealed class OverdueStaysWithOffenderManagerRule : BuiltInRule
{
    public override void Define()
    {
        OverdueVisit visit = null!;

        When()
            .Match(() => visit, v => !EscalationLadder.AnyHolds(EscalationLadder.DetectiveInspector, v), v => !EscalationLadder.AnyHolds(EscalationLadder.Supervisor, v));

        Then()
            .Do(ctx => Raise(ctx, Stays(visit)));
    }

    /// <summary>The finding this rule raises for <paramref name="visit"/>; also what the live monitor refreshes it to on a new day that cannot change the offender's matches.</summary>
    internal static Finding Stays(OverdueVisit visit) =>
        Reasons.Overdue(visit, RuleNames.OverdueStaysWithOffenderManager, EscalationLevel.OffenderManager, clauses: null);
}
