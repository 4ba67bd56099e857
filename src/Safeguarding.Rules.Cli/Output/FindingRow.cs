namespace Safeguarding.Rules.Cli.Output;

/// <summary>The columns a finding has in every table of findings: who it escalates to, days overdue, what and whom it is about.</summary>
internal static class FindingRow
{
    public static IReadOnlyList<string> Headers { get; } = ["Escalate to", ">Overdue", "Kind", "Offender", "Manager", "Team", "Risk", "Due", "Detail"];

    public static IEnumerable<string> Cells(Finding f) =>
    [
        f.EscalateTo?.ToString() ?? string.Empty,
        f.DaysOverdue is { } days ? Text.Number(days) + "d" : string.Empty,
        f.Kind,
        f.OffenderId ?? string.Empty,
        f.ManagerId ?? string.Empty,
        f.TeamId ?? string.Empty,
        f.RiskLevel?.ToString() ?? string.Empty,
        Text.Date(f.DueOn),
        f.OverrideExpiredOn is { } ended ? Join(FindingDetail.Of(f), "deferral ended " + Text.Date(ended)) : FindingDetail.Of(f),
    ];

    private static string Join(string detail, string more) => detail.Length == 0 ? more : detail + "; " + more;
}
