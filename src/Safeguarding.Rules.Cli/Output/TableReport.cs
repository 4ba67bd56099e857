using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;

namespace Safeguarding.Rules.Cli.Output;

/// <summary>
/// The readable summary of an evaluation: the counts (findings an override suppresses counted on their own line), the
/// outcome measures, and the most urgent findings first (lapsed deferrals, then highest escalation, then most days overdue).
/// </summary>
internal static class TableReport
{
    private static readonly RiskLevel[] RiskOrder = [RiskLevel.VeryHigh, RiskLevel.High, RiskLevel.Medium, RiskLevel.Low];
    private static readonly EscalationLevel[] EscalationOrder = [EscalationLevel.DetectiveInspector, EscalationLevel.Supervisor, EscalationLevel.OffenderManager];

    /// <param name="report">An evaluated report.</param>
    /// <param name="source">Where the snapshot came from.</param>
    /// <param name="top">How many findings to list; 0 for all.</param>
    /// <param name="writer">The destination.</param>
    /// <param name="changes">What changed since an earlier run, shown first; <see langword="null"/> when none was given.</param>
    /// <param name="snapshot">The snapshot evaluated (the child-protection section lists protections in force from it).</param>
    /// <param name="maxHours">The effective policy's <c>childProtection.policeProtectionMaxHours</c>.</param>
    public static void Write(EvaluationReport report, string source, int top, TextWriter writer, CaseloadSnapshot snapshot, int maxHours, Changes.ChangeReport? changes = null)
    {
        var summary = report.Summary;
        writer.WriteLine("Safeguarding evaluation as of " + Text.Date(report.AsOf) + ", policy " + report.PolicyVersion);
        writer.WriteLine("Snapshot: " + source);
        writer.WriteLine();
        if (changes is not null)
        {
            SinceSection.Write(changes, top, writer);
        }

        ChildProtectionSection.Write(report, snapshot, maxHours, writer);

        var offenders = new TextTable("Offenders", ">Count");
        offenders.Add("Offender records", Text.Number(summary.Offenders));
        offenders.Add("  evaluated", Text.Number(summary.Evaluated));
        offenders.Add("  rejected as invalid", Text.Number(summary.Rejected));
        offenders.Add("  not yet registered", Text.Number(summary.NotYetRegistered));
        offenders.Write(writer);
        writer.WriteLine();

        var kinds = new TextTable("Findings", ">Count");
        foreach (var kind in Kinds(summary))
        {
            kinds.Add(kind, Text.Number(summary.Count(kind)));
            if (kind == FindingKinds.VisitOverdue)
            {
                foreach (var level in EscalationOrder)
                {
                    kinds.Add("  escalated to " + level, Text.Number(summary.Escalations.TryGetValue(level, out var n) ? n : 0));
                }
            }
        }

        kinds.Add("Suppressed by an override", Text.Number(summary.Suppressed));
        kinds.Write(writer);
        writer.WriteLine();

        var outcomes = new TextTable("Outcomes", ">Value");
        foreach (var risk in RiskOrder)
        {
            if (summary.Outcomes.VisitedWithinPolicyPercent.TryGetValue(risk, out var percent))
            {
                outcomes.Add("Visited within policy, " + risk + " risk", Text.Percent(percent));
            }
        }

        if (summary.Outcomes.MedianDaysOverdue is { } median && summary.Outcomes.MaxDaysOverdue is { } max)
        {
            outcomes.Add("Days overdue, median", Text.Decimal(median));
            outcomes.Add("Days overdue, max", Text.Number(max));
        }
        else
        {
            outcomes.Add("Days overdue", "none overdue");
        }

        // Contract section 6's two measures, each only when there is something to measure (as in the JSON summary).
        if (summary.Outcomes.StrategyOutcomesRecordedOnTimePercent is { } onTime)
        {
            outcomes.Add("Strategy outcomes recorded on time", Text.Percent(onTime));
        }

        if (summary.Outcomes.MedianAppropriateAdultWaitMinutes is { } waitMedian && summary.Outcomes.MaxAppropriateAdultWaitMinutes is { } waitMax)
        {
            outcomes.Add("Appropriate adult wait, median", Text.Decimal(waitMedian) + " min");
            outcomes.Add("Appropriate adult wait, max", Text.Number(waitMax) + " min");
        }

        outcomes.Write(writer);
        writer.WriteLine();

        var total = report.Findings.Count;
        if (total == 0)
        {
            writer.WriteLine("No findings.");
            return;
        }

        var shown = top <= 0 ? total : Math.Min(top, total);
        writer.WriteLine(
            shown == total
                ? "Findings, most urgent first (all " + Text.Number(total) + ")"
                : "Most urgent findings (" + Text.Number(shown) + " of " + Text.Number(total) + "; --top 0 lists all, --format json or csv gives every field and reason)");
        var table = new TextTable([.. FindingRow.Headers]) { HideEmptyColumns = true };
        foreach (var f in Urgency.MostUrgentFirst(report.Findings).Take(shown))
        {
            table.Add([.. FindingRow.Cells(f)]);
        }

        table.Write(writer);
    }

    /// <summary>The contract's kinds in order, then any host kind found.</summary>
    private static IEnumerable<string> Kinds(EvaluationSummary summary) =>
        FindingKinds.All.Concat(summary.FindingsByKind.Keys.Where(static k => FindingKinds.OrderOf(k) == FindingKinds.All.Count).Order(StringComparer.Ordinal));
}
