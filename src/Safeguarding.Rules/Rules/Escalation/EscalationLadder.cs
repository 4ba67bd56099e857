using System.Globalization;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Escalation;

/// <summary>
/// Where an overdue visit goes (contract section 2, Escalation). Each level's conditions are stated once, here: the
/// rules decide the level with <see cref="AnyHolds"/> and word the finding's reason with <see cref="Holding"/>.
/// The detective inspector's conditions are checked first; the supervisor's apply only when none of those holds; an
/// overdue visit for which no condition holds stays with the offender manager.
/// </summary>
internal static class EscalationLadder
{
    /// <summary>More than <c>inspectorAfterDays</c> overdue; or High or Very High risk and more than <c>highRiskInspectorAfterDays</c> overdue.</summary>
    public static readonly EscalationClause[] DetectiveInspector =
    [
        new(
            static v => v.DaysOverdue > v.Offender.Policy.Escalation.InspectorAfterDays,
            static v => MoreThan(v.Offender.Policy.Escalation.InspectorAfterDays)),
        new(
            static v => IsHighRisk(v.Offender.RiskLevel) && v.DaysOverdue > v.Offender.Policy.Escalation.HighRiskInspectorAfterDays,
            static v => Reasons.Risk(v.Offender.RiskLevel) + " risk and " + MoreThan(v.Offender.Policy.Escalation.HighRiskInspectorAfterDays)),
    ];

    /// <summary>More than <c>supervisorAfterDays</c> overdue; or Very High risk; or repeated no access; or the manager's caseload is critical.</summary>
    public static readonly EscalationClause[] Supervisor =
    [
        new(
            static v => v.DaysOverdue > v.Offender.Policy.Escalation.SupervisorAfterDays,
            static v => MoreThan(v.Offender.Policy.Escalation.SupervisorAfterDays)),
        new(
            static v => v.Offender.RiskLevel == RiskLevel.VeryHigh,
            static _ => "Very High risk"),
        new(
            static v => v.Offender.HasRepeatedNoAccess,
            static v => v.Offender.NoAccessVisitsSinceLastCompleted.ToString(CultureInfo.InvariantCulture) + " no-access visits since the last completed visit"),
        new(
            static v => v.Offender.ManagerCaseloadCritical,
            static v => "manager " + v.Offender.ManagerId + " holds a critical caseload of "
                + v.Offender.Manager!.Caseload.ToString(CultureInfo.InvariantCulture)
                + " (above " + v.Offender.Policy.Caseload.Critical.ToString(CultureInfo.InvariantCulture) + ")"),
    ];

    /// <summary>Whether any of <paramref name="clauses"/> holds for <paramref name="visit"/>.</summary>
    public static bool AnyHolds(EscalationClause[] clauses, OverdueVisit visit)
    {
        foreach (var clause in clauses)
        {
            if (clause.Holds(visit))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The wording of each of <paramref name="clauses"/> that holds for <paramref name="visit"/>, in order.</summary>
    public static IEnumerable<string> Holding(EscalationClause[] clauses, OverdueVisit visit)
    {
        foreach (var clause in clauses)
        {
            if (clause.Holds(visit))
            {
                yield return clause.Wording(visit);
            }
        }
    }

    private static bool IsHighRisk(RiskLevel risk) => risk is RiskLevel.High or RiskLevel.VeryHigh;

    private static string MoreThan(int days) => "more than " + Reasons.Days(days) + " overdue";
}
