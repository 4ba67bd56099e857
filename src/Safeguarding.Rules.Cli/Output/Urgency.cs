
namespace Safeguarding.Rules.Cli.Output;

/// <summary>
/// The order of the table's most urgent findings: lapsed deferrals first (an override of the finding has ended, so the
/// work is due now), then overdue visits, highest escalation first, then most days overdue; every other finding after
/// them, in the contract's order (the report's order breaks every tie).
/// </summary>
internal static class Urgency
{
    public static IEnumerable<Finding> MostUrgentFirst(IReadOnlyList<Finding> findings) =>
        findings
            .Select(static (finding, position) => (finding, position))
            .OrderByDescending(static f => f.finding.OverrideExpiredOn is not null)
            .ThenByDescending(static f => f.finding.EscalateTo is { } level ? (int)level : -1)
            .ThenByDescending(static f => f.finding.DaysOverdue ?? -1)
            .ThenBy(static f => f.position)
            .Select(static f => f.finding);
}
