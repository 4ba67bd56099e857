using System.Globalization;
using System.Text;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules;

/// <summary>Builds findings' plain-English reasons from identifiers, dates and numbers only.</summary>
internal static class Reasons
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Risk(RiskLevel risk) => risk switch
    {
        RiskLevel.VeryHigh => "Very High",
        RiskLevel.High => "High",
        RiskLevel.Medium => "Medium",
        _ => "Low",
    };

    public static string Days(int days) => days == 1 ? "1 day" : days.ToString(CultureInfo.InvariantCulture) + " days";

    /// <summary>"High risk: last completed home visit 2018-01-09; interval 91 days; due 2018-04-10"</summary>
    public static StringBuilder VisitBasis(OffenderCase o)
    {
        var text = new StringBuilder(160).Append(Risk(o.RiskLevel)).Append(" risk: ");
        if (o.FirstVisitPending)
        {
            text.Append(o.ReleasedOn is { } released && released == o.Start ? "released " : "registered ")
                .Append(Date(o.Start))
                .Append(o.LastCompletedVisit is { } last ? "; last completed home visit " + Date(last) + " was before that" : "; no completed home visit since")
                .Append("; first visit due within ").Append(Days(o.Policy.FirstVisitDays));
        }
        else
        {
            text.Append("last completed home visit ").Append(Date(o.LastCompletedVisit!.Value))
                .Append("; interval ").Append(Days(o.VisitIntervalDays))
                .Append(o.IntervalFromPlan ? " (risk management plan)" : string.Empty);
        }

        return text.Append("; due ").Append(Date(o.VisitDueOn));
    }

    public static Finding Overdue(OverdueVisit visit, string rule, EscalationLevel level, IEnumerable<string> conditions)
    {
        var o = visit.Offender;
        var reason = VisitBasis(o)
            .Append("; ").Append(Days(o.DaysOverdue)).Append(" overdue; ")
            .Append(level == EscalationLevel.OffenderManager ? "stays with the OffenderManager: " : "escalated to " + level + ": ")
            .AppendJoin(" and ", conditions)
            .Append('.')
            .ToString();
        return new Finding
        {
            Kind = FindingKinds.VisitOverdue,
            Rule = rule,
            Reason = reason,
            OffenderId = o.Id,
            ManagerId = o.ManagerId,
            TeamId = o.TeamId,
            RiskLevel = o.RiskLevel,
            DueOn = o.VisitDueOn,
            DaysOverdue = o.DaysOverdue,
            EscalateTo = level,
        };
    }

    public static string MoreThan(int days) => "more than " + Days(days) + " overdue";
}
