using Safeguarding.Rules.Findings;

namespace Safeguarding.Rules.Changes;

/// <summary>Compares a run's findings with an earlier run's (contract section 7): what a force acts on each morning.</summary>
/// <remarks>
/// Findings are matched by id (<see cref="Finding.Id"/>). Each current finding is, the first that applies,
/// <see cref="ChangeKind.Raised"/> (its id is new), <see cref="ChangeKind.Escalated"/> (its <c>escalateTo</c> is higher
/// in the contract's order of levels, whatever the kind), <see cref="ChangeKind.Changed"/> (a field of its kind or <c>overrideExpiredOn</c> differs,
/// present on one side only included, ignoring the counters that move with time alone; <c>rule</c> and <c>reason</c> are
/// not compared) or
/// <see cref="ChangeKind.Unchanged"/>. The comparison is the findings schema's in its
/// <see cref="FindingComparison.SinceEarlierRun"/> mode. A finding suppressed by an override now is not a current finding,
/// and one in the earlier document's <c>suppressed</c> array was not an earlier finding (contract section 7).
/// </remarks>
public static class FindingChanges
{
    /// <summary>Compares <paramref name="current"/> with an earlier findings document.</summary>
    /// <param name="current">An evaluated report.</param>
    /// <param name="earlier">The earlier run's findings.</param>
    /// <returns>The changes.</returns>
    /// <exception cref="ArgumentException"><paramref name="current"/> was not evaluated.</exception>
    public static ChangeReport Compare(EvaluationReport current, FindingsDocument earlier)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(earlier);
        if (!current.IsEvaluated)
        {
            throw new ArgumentException("The report was not evaluated, so it has no findings to compare.", nameof(current));
        }

        var before = new Dictionary<string, int>(earlier.Ids.Count, StringComparer.Ordinal);
        for (var i = 0; i < earlier.Ids.Count; i++)
        {
            before[earlier.Ids[i]] = i;
        }

        var matched = new bool[earlier.Findings.Count];
        var changes = new ChangeKind[current.Findings.Count];
        for (var i = 0; i < changes.Length; i++)
        {
            var finding = current.Findings[i];
            if (!before.TryGetValue(finding.Id, out var at))
            {
                changes[i] = ChangeKind.Raised;
                continue;
            }

            matched[at] = true;
            changes[i] = Change(earlier.Findings[at], finding);
        }

        var cleared = new List<int>();
        for (var i = 0; i < matched.Length; i++)
        {
            if (!matched[i])
            {
                cleared.Add(i);
            }
        }

        // Section 5 order; a document written by another program may not be in it. Ties keep the document's order.
        var ordered = cleared.OrderBy(i => earlier.Findings[i], FindingOrder.Instance).ToList();
        return new ChangeReport(
            earlier.AsOf,
            earlier.PolicyVersion,
            current.Findings,
            changes,
            ordered.Select(i => earlier.Findings[i]).ToArray(),
            ordered.Select(i => earlier.Ids[i]).ToArray(),
            ordered.Select(earlier.Given).ToArray());
    }

    /// <summary>Compares <paramref name="current"/> with an earlier report still in memory.</summary>
    /// <param name="current">An evaluated report.</param>
    /// <param name="earlier">An earlier evaluated report.</param>
    /// <returns>The changes.</returns>
    /// <exception cref="ArgumentException"><paramref name="current"/> or <paramref name="earlier"/> was not evaluated.</exception>
    public static ChangeReport Compare(EvaluationReport current, EvaluationReport earlier) =>
        Compare(current, FindingsDocument.From(earlier));

    /// <summary>The change of one finding matched to its earlier self.</summary>
    /// <param name="before">The earlier finding.</param>
    /// <param name="after">The current finding with the same id.</param>
    /// <returns><see cref="ChangeKind.Escalated"/>, <see cref="ChangeKind.Changed"/> or <see cref="ChangeKind.Unchanged"/>.</returns>
    public static ChangeKind Change(Finding before, Finding after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.EscalateTo is { } from && after.EscalateTo is { } to && IsHigher(from, to))
        {
            return ChangeKind.Escalated;
        }

        return FindingSchema.Differences(before, after, FindingComparison.SinceEarlierRun).Count > 0 ? ChangeKind.Changed : ChangeKind.Unchanged;
    }

    /// <summary>
    /// Whether <paramref name="after"/> is a higher level than <paramref name="before"/> in contract section 7's order,
    /// which holds for every finding, a host rule's kind included: <see cref="EscalationLevel.OffenderManager"/> &lt;
    /// <see cref="EscalationLevel.Supervisor"/> &lt; <see cref="EscalationLevel.DetectiveInspector"/>, and
    /// <see cref="EscalationLevel.Supervisor"/> &lt; <see cref="EscalationLevel.Inspector"/> (so the offender manager is
    /// below the inspector too). <see cref="EscalationLevel.DetectiveInspector"/> and <see cref="EscalationLevel.Inspector"/>
    /// are not ordered: a move between them is a change, not an escalation.
    /// </summary>
    private static bool IsHigher(EscalationLevel before, EscalationLevel after) => (before, after) switch
    {
        (EscalationLevel.OffenderManager, EscalationLevel.Supervisor or EscalationLevel.DetectiveInspector or EscalationLevel.Inspector) => true,
        (EscalationLevel.Supervisor, EscalationLevel.DetectiveInspector or EscalationLevel.Inspector) => true,
        _ => false,
    };
}
