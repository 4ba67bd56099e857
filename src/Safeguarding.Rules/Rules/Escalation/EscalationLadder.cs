using System.Globalization;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Escalation;

/// <summary>
/// Where an overdue visit goes (contract section 2, Escalation). Each level's conditions are stated once, here: the
/// rules decide the level with <see cref="AnyHolds(EscalationClause[], OverdueVisit)"/> and word the finding's reason
/// with <see cref="Holding"/>, both over the visit's <see cref="EscalationInputs"/> (values copied out of its facts, so
/// that a reason written later reads what held when the finding was made). The detective inspector's conditions are checked first; the supervisor's apply only when none of those holds; an
/// overdue visit for which no condition holds stays with the offender manager.
/// </summary>
internal static class EscalationLadder
{
    /// <summary>More than <c>inspectorAfterDays</c> overdue; or High or Very High risk and more than <c>highRiskInspectorAfterDays</c> overdue.</summary>
    public static readonly EscalationClause[] DetectiveInspector =
    [
        new(
            static v => v.DaysOverdue > v.Policy.Escalation.InspectorAfterDays,
            static v => MoreThan(v.Policy.Escalation.InspectorAfterDays),
            static v => Compared(v.DaysOverdue, v.Policy.Escalation.InspectorAfterDays, "escalation.inspectorAfterDays")),
        new(
            static v => IsHighRisk(v.RiskLevel) && v.DaysOverdue > v.Policy.Escalation.HighRiskInspectorAfterDays,
            static v => Reasons.Risk(v.RiskLevel) + " risk and " + MoreThan(v.Policy.Escalation.HighRiskInspectorAfterDays),
            static v => IsHighRisk(v.RiskLevel)
                ? "risk " + Reasons.Risk(v.RiskLevel) + ", High or Very High, and " + Compared(v.DaysOverdue, v.Policy.Escalation.HighRiskInspectorAfterDays, "escalation.highRiskInspectorAfterDays")
                : "risk " + Reasons.Risk(v.RiskLevel) + ", not High or Very High"),
    ];

    /// <summary>More than <c>supervisorAfterDays</c> overdue; or Very High risk; or repeated no access; or the manager's caseload is critical.</summary>
    public static readonly EscalationClause[] Supervisor =
    [
        new(
            static v => v.DaysOverdue > v.Policy.Escalation.SupervisorAfterDays,
            static v => MoreThan(v.Policy.Escalation.SupervisorAfterDays),
            static v => Compared(v.DaysOverdue, v.Policy.Escalation.SupervisorAfterDays, "escalation.supervisorAfterDays")),
        new(
            static v => v.RiskLevel == RiskLevel.VeryHigh,
            static _ => "Very High risk",
            static v => "risk " + Reasons.Risk(v.RiskLevel) + (v.RiskLevel == RiskLevel.VeryHigh ? string.Empty : ", not Very High")),
        new(
            static v => v.HasRepeatedNoAccess,
            static v => v.NoAccessVisits.ToString(CultureInfo.InvariantCulture) + " no-access visits since the last completed visit",
            static v => NoAccess(v.NoAccessVisits) + " since the last completed one, "
                + (v.HasRepeatedNoAccess ? "at least " : "below ")
                + v.Policy.RepeatedNoAccessVisits.ToString(CultureInfo.InvariantCulture) + " (repeatedNoAccessVisits)"),
        new(
            static v => v.ManagerCaseloadCritical,
            static v => "manager " + v.ManagerId + " holds a critical caseload of "
                + v.ManagerCaseload.ToString(CultureInfo.InvariantCulture)
                + " (above " + v.Policy.Caseload.Critical.ToString(CultureInfo.InvariantCulture) + ")",
            static v => v.ManagerId is null
                ? "no offender manager"
                : "manager " + v.ManagerId + " holds " + v.ManagerCaseload.ToString(CultureInfo.InvariantCulture) + ", "
                    + (v.ManagerCaseloadCritical ? "above " : "not above ")
                    + v.Policy.Caseload.Critical.ToString(CultureInfo.InvariantCulture) + " (caseload.critical)"),
    ];

    /// <summary>Whether any of <paramref name="clauses"/> holds for <paramref name="visit"/>.</summary>
    public static bool AnyHolds(EscalationClause[] clauses, OverdueVisit visit) => AnyHolds(clauses, EscalationInputs.Of(visit));

    /// <summary>Whether any of <paramref name="clauses"/> holds for these <paramref name="inputs"/>.</summary>
    public static bool AnyHolds(EscalationClause[] clauses, EscalationInputs inputs)
    {
        foreach (var clause in clauses)
        {
            if (clause.Holds(inputs))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The wording of each of <paramref name="clauses"/> that holds for these <paramref name="inputs"/>, in order.</summary>
    public static IEnumerable<string> Holding(EscalationClause[] clauses, EscalationInputs inputs)
    {
        foreach (var clause in clauses)
        {
            if (clause.Holds(inputs))
            {
                yield return clause.Wording(inputs);
            }
        }
    }

    /// <summary>The comparison of each of <paramref name="clauses"/> for <paramref name="visit"/>, whether it holds or not, in order.</summary>
    public static IEnumerable<string> Comparisons(EscalationClause[] clauses, OverdueVisit visit)
    {
        var inputs = EscalationInputs.Of(visit);
        return clauses.Select(clause => clause.Comparison(inputs));
    }

    private static bool IsHighRisk(RiskLevel risk) => risk is RiskLevel.High or RiskLevel.VeryHigh;

    private static string MoreThan(int days) => "more than " + Reasons.Days(days) + " overdue";

    private static string Compared(int daysOverdue, int limit, string policyName) =>
        Reasons.Days(daysOverdue) + " overdue, " + (daysOverdue > limit ? "more than " : "not more than ")
        + limit.ToString(CultureInfo.InvariantCulture) + " (" + policyName + ")";

    private static string NoAccess(int count) =>
        count.ToString(CultureInfo.InvariantCulture) + (count == 1 ? " no-access visit" : " no-access visits");
}
