using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Evaluation;

/// <summary>
/// Applies the overrides to an evaluation's findings (contract section 8), after everything else has been computed as if
/// there were none: a finding named by an active override moves to <c>suppressed</c> and is counted there instead of in
/// its kind's count and in the escalations; one named only by overrides that have ended carries <c>overrideExpiredOn</c>.
/// Backlogs, escalations of other findings and outcomes are left exactly as they were.
/// </summary>
internal static class OverrideSuppression
{
    /// <summary>Applies <paramref name="overrides"/> (valid ones, in snapshot order) as of <paramref name="asOf"/>.</summary>
    /// <returns>The findings still reported, the suppressed ones, and the summary counting them so.</returns>
    public static (List<Finding> Findings, List<SuppressedFinding> Suppressed, EvaluationSummary Summary) Apply(
        List<Finding> findings, EvaluationSummary summary, IReadOnlyList<Override> overrides, DateOnly asOf)
    {
        var named = Index(overrides, asOf);
        if (named.Count == 0)
        {
            return (findings, [], summary);
        }

        // Only findings of a kind some override names need their id computed.
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in named.Keys)
        {
            var colon = id.IndexOf(':', StringComparison.Ordinal);
            kinds.Add(colon < 0 ? id : id[..colon]);
        }

        var reported = new List<Finding>(findings.Count);
        var suppressed = new List<SuppressedFinding>();
        var counts = new Dictionary<string, int>(summary.FindingsByKind, StringComparer.Ordinal);
        var escalations = new Dictionary<EscalationLevel, int>(summary.Escalations);
        foreach (var finding in findings)
        {
            if (!kinds.Contains(finding.Kind) || !named.TryGetValue(finding.Id, out var entry))
            {
                reported.Add(finding);
            }
            else if (entry.Active is { } active)
            {
                suppressed.Add(new SuppressedFinding(finding, active.Id, active.Until));
                counts[finding.Kind] -= 1;
                if (counts[finding.Kind] == 0)
                {
                    counts.Remove(finding.Kind);
                }

                if (string.Equals(finding.Kind, FindingKinds.VisitOverdue, StringComparison.Ordinal) && finding.EscalateTo is { } level && escalations.ContainsKey(level))
                {
                    escalations[level] -= 1;
                }
            }
            else
            {
                reported.Add(finding with { OverrideExpiredOn = entry.ExpiredOn });
            }
        }

        return (reported, suppressed, new EvaluationSummary
        {
            Offenders = summary.Offenders,
            Evaluated = summary.Evaluated,
            Rejected = summary.Rejected,
            NotYetRegistered = summary.NotYetRegistered,
            FindingsByKind = counts,
            Escalations = escalations,
            Suppressed = suppressed.Count,
            Outcomes = summary.Outcomes,
        });
    }

    /// <summary>
    /// For each finding id named by an override that is active or has ended by <paramref name="asOf"/>: the active override
    /// with the latest <c>until</c> (the first in snapshot order among equals), and the latest <c>until</c> of those that
    /// have ended. Overrides that have not started yet are left out.
    /// </summary>
    internal static Dictionary<string, Named> Index(IReadOnlyList<Override> overrides, DateOnly asOf)
    {
        var named = new Dictionary<string, Named>(StringComparer.Ordinal);
        foreach (var entry in overrides)
        {
            if (entry.From > asOf)
            {
                continue;
            }

            named.TryGetValue(entry.FindingId, out var found);
            if (entry.Until >= asOf)
            {
                if (found.Active is null || entry.Until > found.Active.Until)
                {
                    found = found with { Active = entry };
                }
            }
            else if (found.ExpiredOn is null || entry.Until > found.ExpiredOn)
            {
                found = found with { ExpiredOn = entry.Until };
            }

            named[entry.FindingId] = found;
        }

        return named;
    }

    /// <summary>What the overrides say of one finding id: the active override that counts, and when the latest ended one ended.</summary>
    internal readonly record struct Named(Override? Active, DateOnly? ExpiredOn);
}
