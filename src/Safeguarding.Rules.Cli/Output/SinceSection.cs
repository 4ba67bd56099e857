using Safeguarding.Rules.Changes;

namespace Safeguarding.Rules.Cli.Output;

/// <summary>
/// The table output's first section when an earlier run is given: the findings raised and escalated since then (most
/// urgent first), then how many changed, stayed the same and cleared.
/// </summary>
internal static class SinceSection
{
    public static void Write(ChangeReport changes, int top, TextWriter writer)
    {
        var since = changes.SinceAsOf is { } asOf ? Text.Date(asOf) : "the earlier run";
        if (changes.SincePolicyVersion is { } version)
        {
            since += " (policy " + version + ")";
        }

        writer.WriteLine("Since " + since + ": " + Text.Number(changes.Raised) + " raised, " + Text.Number(changes.Escalated) + " escalated, "
            + Text.Number(changes.Changed) + " changed, " + Text.Number(changes.Unchanged) + " unchanged, " + Text.Number(changes.Cleared) + " cleared");
        var news = new List<(Finding Finding, ChangeKind Change)>();
        for (var i = 0; i < changes.Current.Count; i++)
        {
            if (changes.Changes[i] is ChangeKind.Raised or ChangeKind.Escalated)
            {
                news.Add((changes.Current[i], changes.Changes[i]));
            }
        }

        if (news.Count > 0)
        {
            var change = new Dictionary<Finding, ChangeKind>(ReferenceEqualityComparer.Instance);
            foreach (var (finding, kind) in news)
            {
                change[finding] = kind;
            }

            var ordered = Urgency.MostUrgentFirst(news.Select(static n => n.Finding).ToList()).ToList();
            var shown = top <= 0 ? ordered.Count : Math.Min(top, ordered.Count);
            var table = new TextTable(["Change", .. FindingRow.Headers]) { HideEmptyColumns = true };
            foreach (var f in ordered.Take(shown))
            {
                table.Add([change[f].ToString(), .. FindingRow.Cells(f)]);
            }

            table.Write(writer);
            if (shown < ordered.Count)
            {
                writer.WriteLine("... and " + Text.Number(ordered.Count - shown) + " more raised or escalated (--top 0 lists all; --format json gives each finding's change).");
            }
        }

        writer.WriteLine(Text.Number(changes.Cleared) + " cleared since " + since + ".");
        writer.WriteLine();
    }
}
