using System.Globalization;

namespace Safeguarding.Rules.Cli.Output;

/// <summary>
/// The table output's child-protection section (contract section 6): what is waiting now, first the detained juveniles
/// still awaiting an appropriate adult (longest wait first), then police protections over their maximum and local
/// authorities not yet informed. Written only when something is waiting.
/// </summary>
internal static class ChildProtectionSection
{
    public static void Write(EvaluationReport report, TextWriter writer)
    {
        var waiting = report.Findings
            .Where(static f => f.Kind == FindingKinds.AppropriateAdultDelayed && f.Awaiting == true)
            .OrderByDescending(static f => f.MinutesWaited)
            .ThenBy(static f => f.DetentionId, StringComparer.Ordinal)
            .ToList();
        var protections = report.Findings
            .Where(static f => f.Kind == FindingKinds.PoliceProtectionExceeded || (f.Kind == FindingKinds.LocalAuthorityNotInformed && f.Awaiting == true))
            .ToList();
        if (waiting.Count == 0 && protections.Count == 0)
        {
            return;
        }

        writer.WriteLine("Child protection, waiting now (as of " + report.AsOfInstant.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC)");
        var table = new TextTable("Waiting", "Record", "Since (UTC)", ">Waited", "Goes to") { HideEmptyColumns = true };
        foreach (var f in waiting)
        {
            table.Add("Appropriate adult", f.DetentionId ?? string.Empty, At(f.AuthorisedAt), Duration(f.MinutesWaited), f.EscalateTo?.ToString() ?? string.Empty);
        }

        foreach (var f in protections)
        {
            table.Add(
                f.Kind == FindingKinds.PoliceProtectionExceeded ? "Protection over its maximum" : "Local authority to be informed",
                f.ProtectionId ?? string.Empty,
                At(f.StartedAt),
                f.Kind == FindingKinds.PoliceProtectionExceeded ? Text.Number(f.HoursInProtection ?? 0) + " h" : Duration(f.MinutesToInform),
                string.Empty);
        }

        table.Write(writer);
        writer.WriteLine();
    }

    private static string At(DateTimeOffset? instant) =>
        instant is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty;

    private static string Duration(int? minutes) =>
        minutes is { } m ? (m / 60).ToString(CultureInfo.InvariantCulture) + " h " + (m % 60).ToString("00", CultureInfo.InvariantCulture) + " min" : string.Empty;
}
