using System.Globalization;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Escalation;

/// <summary>The conditions of each escalation level (contract section 2, Escalation), and their wording.</summary>
internal static class EscalationConditions
{
    /// <summary>More than 28 days overdue, or High / Very High risk and more than 7 days overdue.</summary>
    public static bool DetectiveInspector(OverdueVisit v) =>
        v.DaysOverdue > v.Offender.Policy.Escalation.InspectorAfterDays
        || (IsHighRisk(v.Offender.RiskLevel) && v.DaysOverdue > v.Offender.Policy.Escalation.HighRiskInspectorAfterDays);

    /// <summary>More than 14 days overdue, or Very High risk, or repeated no access, or the manager's caseload is critical.</summary>
    public static bool Supervisor(OverdueVisit v) =>
        v.DaysOverdue > v.Offender.Policy.Escalation.SupervisorAfterDays
        || v.Offender.RiskLevel == RiskLevel.VeryHigh
        || v.Offender.HasRepeatedNoAccess
        || v.Offender.ManagerCaseloadCritical;

    public static IEnumerable<string> DetectiveInspectorReasons(OverdueVisit v)
    {
        var policy = v.Offender.Policy.Escalation;
        if (v.DaysOverdue > policy.InspectorAfterDays)
        {
            yield return Reasons.MoreThan(policy.InspectorAfterDays);
        }

        if (IsHighRisk(v.Offender.RiskLevel) && v.DaysOverdue > policy.HighRiskInspectorAfterDays)
        {
            yield return Reasons.Risk(v.Offender.RiskLevel) + " risk and " + Reasons.MoreThan(policy.HighRiskInspectorAfterDays);
        }
    }

    public static IEnumerable<string> SupervisorReasons(OverdueVisit v)
    {
        var o = v.Offender;
        if (v.DaysOverdue > o.Policy.Escalation.SupervisorAfterDays)
        {
            yield return Reasons.MoreThan(o.Policy.Escalation.SupervisorAfterDays);
        }

        if (o.RiskLevel == RiskLevel.VeryHigh)
        {
            yield return "Very High risk";
        }

        if (o.HasRepeatedNoAccess)
        {
            yield return o.NoAccessVisitsSinceLastCompleted.ToString(CultureInfo.InvariantCulture) + " no-access visits since the last completed visit";
        }

        if (o.ManagerCaseloadCritical)
        {
            yield return "manager " + o.ManagerId + " holds a critical caseload of "
                + o.Manager!.Caseload.ToString(CultureInfo.InvariantCulture)
                + " (above " + o.Policy.Caseload.Critical.ToString(CultureInfo.InvariantCulture) + ")";
        }
    }

    private static bool IsHighRisk(RiskLevel risk) => risk is RiskLevel.High or RiskLevel.VeryHigh;
}
