using Safeguarding.Rules.Impact;

namespace Safeguarding.Rules.Cli.Output;

/// <summary>
/// The readable form of a policy impact: the totals, the findings of each kind under both policies, the differences
/// grouped by team and kind with counts, the affected teams and managers, and every difference.
/// </summary>
internal static class ImpactTable
{
    /// <summary>How the table names the group of findings that belong to no team (unallocated offenders).</summary>
    public const string NoTeam = "(no team)";

    /// <param name="report">An evaluated impact report.</param>
    /// <param name="source">Where the snapshot came from.</param>
    /// <param name="writer">The destination.</param>
    public static void Write(ImpactReport report, string source, TextWriter writer)
    {
        writer.WriteLine(
            "Policy impact as of " + Text.Date(report.AsOf) + ": baseline " + report.BaselinePolicyVersion + ", proposed " + report.ProposedPolicyVersion);
        writer.WriteLine("Snapshot: " + source);
        writer.WriteLine();

        if (!report.HasChanges)
        {
            writer.WriteLine("No findings differ: the proposed policy gives the same findings as the baseline.");
        }
        else
        {
            writer.WriteLine(
                Findings(report.Changes.Count) + (report.Changes.Count == 1 ? " differs: " : " differ: ") + Text.Number(report.Raised) + " raised, " + Text.Number(report.Cleared) + " cleared, "
                + Text.Number(report.Changed) + " changed; " + Count(report.AffectedOffenders.Count, "offender") + ", "
                + Count(report.AffectedManagers.Count, "manager") + " and " + Count(report.AffectedTeams.Count, "team") + " affected.");
        }

        writer.WriteLine();
        var kinds = new TextTable("Findings by kind", ">Baseline", ">Proposed", ">Raised", ">Cleared", ">Changed");
        foreach (var kind in report.Kinds)
        {
            kinds.Add(kind.Kind, Text.Number(kind.Baseline), Text.Number(kind.Proposed), Text.Number(kind.Raised), Text.Number(kind.Cleared), Text.Number(kind.Changed));
        }

        kinds.Add(
            "Total",
            Text.Number(report.Kinds.Sum(static k => k.Baseline)),
            Text.Number(report.Kinds.Sum(static k => k.Proposed)),
            Text.Number(report.Raised),
            Text.Number(report.Cleared),
            Text.Number(report.Changed));
        kinds.Write(writer);

        if (!report.HasChanges)
        {
            return;
        }

        writer.WriteLine();
        var teams = new TextTable("Differences by team and kind", ">Raised", ">Cleared", ">Changed", ">Baseline", ">Proposed");
        foreach (var team in report.Teams)
        {
            teams.Add(team.TeamId ?? NoTeam, Text.Number(team.Raised), Text.Number(team.Cleared), Text.Number(team.Changed), string.Empty, string.Empty);
            foreach (var kind in team.Kinds)
            {
                teams.Add("  " + kind.Kind, Text.Number(kind.Raised), Text.Number(kind.Cleared), Text.Number(kind.Changed), Text.Number(kind.Baseline), Text.Number(kind.Proposed));
            }
        }

        teams.Write(writer);
        writer.WriteLine();

        writer.WriteLine("Affected teams: " + string.Join(", ", report.AffectedTeams));
        writer.WriteLine("Affected managers: " + string.Join(", ", report.AffectedManagers));
        writer.WriteLine("Affected offenders: " + Text.Number(report.AffectedOffenders.Count) + " (each is listed below)");
        writer.WriteLine();

        writer.WriteLine("Differences (" + Text.Number(report.Changes.Count) + "), by team, kind, manager and offender");
        var changes = new TextTable("Team", "Kind", "Change", "Manager", "Offender", "Detail") { HideEmptyColumns = true };
        foreach (var change in report.Changes)
        {
            changes.Add(
                change.TeamId ?? NoTeam,
                change.Kind,
                change.Change.ToString(),
                change.ManagerId ?? string.Empty,
                change.OffenderId ?? string.Empty,
                Detail(change));
        }

        changes.Write(writer);
    }

    /// <summary>For a change, the fields old -&gt; new; for a raised or cleared finding, its values.</summary>
    private static string Detail(FindingChange change) => change.Change switch
    {
        FindingChangeKind.Changed => string.Join("; ", change.Fields.Select(static f => f.ToString())),
        FindingChangeKind.Raised => Values(change.Proposed!),
        _ => "was " + Values(change.Baseline!),
    };

    private static string Values(Finding finding) => finding.Kind switch
    {
        FindingKinds.VisitOverdue =>
            "due " + Text.Date(finding.DueOn) + ", " + Days(finding.DaysOverdue) + " overdue, to " + finding.EscalateTo,
        FindingKinds.VisitDueSoon or FindingKinds.RiskReviewOverdue when finding.DaysUntilDue is null => "due " + Text.Date(finding.DueOn),
        FindingKinds.VisitDueSoon when finding.DaysUntilDue == 0 => "due " + Text.Date(finding.DueOn) + ", today",
        FindingKinds.VisitDueSoon => "due " + Text.Date(finding.DueOn) + ", in " + Days(finding.DaysUntilDue),
        _ => FindingDetail.Of(finding) is { Length: > 0 } detail ? detail : (finding.RiskLevel is { } risk ? risk + " risk" : string.Empty),
    };

    private static string Days(int? days) => days == 1 ? "1 day" : Text.OptionalNumber(days) + " days";

    private static string Findings(int count) => count == 1 ? "1 finding" : Text.Number(count) + " findings";

    private static string Count(int count, string what) => Text.Number(count) + " " + what + (count == 1 ? string.Empty : "s");
}
