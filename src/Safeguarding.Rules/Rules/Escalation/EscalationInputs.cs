using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Escalation;

/// <summary>
/// What the escalation conditions of an overdue visit read (<see cref="EscalationLadder"/>), copied out of its facts: a
/// finding's reason is written from these later (<see cref="Findings.DeferredReason"/>), and the live monitor changes the
/// facts in place as records change.
/// </summary>
/// <param name="DaysOverdue">Days the visit is overdue.</param>
/// <param name="RiskLevel">The offender's risk level.</param>
/// <param name="NoAccessVisits">No-access visits since the latest completed visit.</param>
/// <param name="HasRepeatedNoAccess">Whether those reach the policy's <c>repeatedNoAccessVisits</c>.</param>
/// <param name="ManagerId">The offender's manager, or <see langword="null"/> when none is allocated.</param>
/// <param name="ManagerCaseload">The manager's caseload (0 without a manager).</param>
/// <param name="ManagerCaseloadCritical">Whether the manager's caseload is above the critical level.</param>
/// <param name="Policy">The policy the visit is evaluated under.</param>
internal readonly record struct EscalationInputs(
    int DaysOverdue,
    RiskLevel RiskLevel,
    int NoAccessVisits,
    bool HasRepeatedNoAccess,
    string? ManagerId,
    int ManagerCaseload,
    bool ManagerCaseloadCritical,
    PolicyView Policy)
{
    public static EscalationInputs Of(OverdueVisit visit)
    {
        var offender = visit.Offender;
        return new(
            visit.DaysOverdue,
            offender.RiskLevel,
            offender.NoAccessVisitsSinceLastCompleted,
            offender.HasRepeatedNoAccess,
            offender.ManagerId,
            offender.Manager?.Caseload ?? 0,
            offender.ManagerCaseloadCritical,
            offender.Policy);
    }
}
