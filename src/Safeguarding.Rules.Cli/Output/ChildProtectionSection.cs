using System.Globalization;
using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Cli.Output;

/// <summary>
/// The table output's child-protection section (contract section 6): what is waiting now, first the detained juveniles
/// still awaiting an appropriate adult (longest wait first), then police protections over their maximum (longest first), protections
/// still in force within <see cref="NearHours"/> of it (fewest hours left first) and local authorities not yet
/// informed. Written only when something is waiting.
/// </summary>
internal static class ChildProtectionSection
{
    /// <summary>
    /// How close to its maximum a protection in force is listed: a day, the notice a force needs to hand the child over
    /// or for the local authority to apply for an emergency protection order before police protection must end.
    /// </summary>
    public const int NearHours = 24;

    /// <param name="report">An evaluated report.</param>
    /// <param name="snapshot">The snapshot evaluated, for the protections still in force (not findings yet).</param>
    /// <param name="maxHours">The policy's <c>childProtection.policeProtectionMaxHours</c>.</param>
    /// <param name="writer">The destination.</param>
    public static void Write(EvaluationReport report, CaseloadSnapshot snapshot, int maxHours, TextWriter writer)
    {
        var waiting = report.Findings
            .Where(static f => f.Kind == FindingKinds.AppropriateAdultDelayed && f.Awaiting == true)
            .OrderByDescending(static f => f.MinutesWaited)
            .ThenBy(static f => f.DetentionId, StringComparer.Ordinal)
            .ToList();
        var protections = report.Findings
            .Where(static f => f.Kind == FindingKinds.PoliceProtectionExceeded || (f.Kind == FindingKinds.LocalAuthorityNotInformed && f.Awaiting == true))
            .ToList();
        var near = NearMaximum(report, snapshot, maxHours);
        if (waiting.Count == 0 && protections.Count == 0 && near.Count == 0)
        {
            return;
        }

        writer.WriteLine("Child protection, waiting now (as of " + report.AsOfInstant.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC)");
        var table = new TextTable("Waiting", "Record", "Since (UTC)", ">Waited", "Goes to") { HideEmptyColumns = true };
        foreach (var f in waiting)
        {
            table.Add("Appropriate adult", f.DetentionId ?? string.Empty, At(f.AuthorisedAt), Duration(f.MinutesWaited), f.EscalateTo?.ToString() ?? string.Empty);
        }

        foreach (var f in protections.Where(static f => f.Kind == FindingKinds.PoliceProtectionExceeded).OrderByDescending(static f => f.HoursInProtection).ThenBy(static f => f.ProtectionId, StringComparer.Ordinal))
        {
            table.Add("Protection over its maximum", f.ProtectionId ?? string.Empty, At(f.StartedAt), Text.Number(f.HoursInProtection ?? 0) + " h", string.Empty);
        }

        foreach (var (protection, minutes) in near)
        {
            table.Add("Protection near its maximum", protection.Id, At(protection.StartedAt), Duration(minutes) + " of " + Text.Number(maxHours) + " h", string.Empty);
        }

        foreach (var f in protections.Where(static f => f.Kind != FindingKinds.PoliceProtectionExceeded))
        {
            table.Add("Local authority to be informed", f.ProtectionId ?? string.Empty, At(f.StartedAt), Duration(f.MinutesToInform), string.Empty);
        }

        table.Write(writer);
        writer.WriteLine();
    }

    /// <summary>
    /// The protections in force at the as-of instant T (started by T, not ended by it, not rejected as invalid) that
    /// have run at least <see cref="NearHours"/> less than the maximum but not past it, with their whole minutes so far,
    /// fewest minutes left first.
    /// </summary>
    private static List<(PoliceProtection Protection, int Minutes)> NearMaximum(EvaluationReport report, CaseloadSnapshot snapshot, int maxHours)
    {
        var rejected = report.Problems
            .Where(static p => p.Array == "policeProtections" && p.Index is not null)
            .Select(static p => p.Index!.Value)
            .ToHashSet();
        var t = report.AsOfInstant;
        var from = Math.Max(0, maxHours - NearHours) * 60L;
        var near = new List<(PoliceProtection, int)>();
        for (var i = 0; i < snapshot.PoliceProtections.Count; i++)
        {
            var protection = snapshot.PoliceProtections[i];
            if (rejected.Contains(i) || protection.StartedAt > t || (protection.EndedAt is { } ended && ended <= t))
            {
                continue;
            }

            var minutes = (long)Math.Floor((t - protection.StartedAt).TotalMinutes);
            if (minutes >= from && minutes <= maxHours * 60L)
            {
                near.Add((protection, (int)minutes));
            }
        }

        return near
            .OrderByDescending(static p => p.Item2)
            .ThenBy(static p => p.Item1.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static string At(DateTimeOffset? instant) =>
        instant is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty;

    private static string Duration(int? minutes) =>
        minutes is { } m ? (m / 60).ToString(CultureInfo.InvariantCulture) + " h " + (m % 60).ToString("00", CultureInfo.InvariantCulture) + " min" : string.Empty;
}
