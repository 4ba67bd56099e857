using System.Globalization;
using System.Text;
using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Tests.Differential;

/// <summary>The fields of a finding that contract section 5 defines, besides <c>rule</c> and <c>reason</c>: what the differential tests compare.</summary>
internal sealed record ContractFields(
    string Kind,
    string? OffenderId,
    string? ManagerId,
    string? TeamId,
    RiskLevel? RiskLevel,
    DateOnly? DueOn,
    int? DaysOverdue,
    int? DaysUntilDue,
    EscalationLevel? EscalateTo,
    int? NoAccessVisits,
    int? Caseload,
    int? OverdueVisits,
    string? NeighbourhoodId,
    DateOnly? Since,
    int? Index)
{
    public static ContractFields Of(Finding finding) => new(
        finding.Kind,
        finding.OffenderId,
        finding.ManagerId,
        finding.TeamId,
        finding.RiskLevel,
        finding.DueOn,
        finding.DaysOverdue,
        finding.DaysUntilDue,
        finding.EscalateTo,
        finding.NoAccessVisits,
        finding.Caseload,
        finding.OverdueVisits,
        finding.NeighbourhoodId,
        finding.Since,
        finding.Index);

    /// <summary>One line in the contract's JSON field names, absent fields left out.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Kind);
        Append(text, "offenderId", OffenderId);
        Append(text, "managerId", ManagerId);
        Append(text, "teamId", TeamId);
        Append(text, "riskLevel", RiskLevel?.ToString());
        Append(text, "dueOn", DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Append(text, "daysOverdue", DaysOverdue?.ToString(CultureInfo.InvariantCulture));
        Append(text, "daysUntilDue", DaysUntilDue?.ToString(CultureInfo.InvariantCulture));
        Append(text, "escalateTo", EscalateTo?.ToString());
        Append(text, "noAccessVisits", NoAccessVisits?.ToString(CultureInfo.InvariantCulture));
        Append(text, "caseload", Caseload?.ToString(CultureInfo.InvariantCulture));
        Append(text, "overdueVisits", OverdueVisits?.ToString(CultureInfo.InvariantCulture));
        Append(text, "neighbourhoodId", NeighbourhoodId);
        Append(text, "since", Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Append(text, "index", Index?.ToString(CultureInfo.InvariantCulture));
        return text.ToString();
    }

    private static void Append(StringBuilder text, string name, string? value)
    {
        if (value is not null)
        {
            text.Append(' ').Append(name).Append('=').Append(value);
        }
    }
}
