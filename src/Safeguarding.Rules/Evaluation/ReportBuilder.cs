using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Findings;

namespace Safeguarding.Rules.Evaluation;

/// <summary>Orders findings as the contract says and computes the summary and outcome measures.</summary>
internal static class ReportBuilder
{
    /// <summary>One bucket per contract kind, in the contract's order, and a last one for host-defined kinds.</summary>
    private static readonly int Buckets = FindingKinds.All.Count + 1;

    private static readonly int VisitOverdueBucket = FindingKinds.OrderOf(FindingKinds.VisitOverdue);

    /// <summary>VisitOverdue's escalation levels, lowest first: the summary's escalation tallies are kept in this order.</summary>
    private static readonly EscalationLevel[] OverdueLevels = [.. FindingSchema.Of(FindingKinds.VisitOverdue).EscalationLevels];

    /// <summary>Sorts one partition's findings into the contract's order; run on the partition's own thread.</summary>
    public static SortedPart SortPart(IReadOnlyCollection<Finding> findings)
    {
        var keys = findings.ToArray();
        var ranks = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            ranks[i] = FindingKinds.OrderOf(keys[i].Kind);
        }

        Array.Sort(ranks, keys, 0, keys.Length, Comparer<int>.Default);

        // Within each kind, the rest of the order.
        var starts = new int[Buckets + 1];
        var at = 0;
        for (var bucket = 0; bucket < Buckets; bucket++)
        {
            starts[bucket] = at;
            var from = at;
            while (at < ranks.Length && ranks[at] == bucket)
            {
                at++;
            }

            if (at - from > 1)
            {
                Array.Sort(keys, from, at - from, FindingOrder.Instance);
            }
        }

        starts[Buckets] = at;

        // What the summary needs of the overdue visits, tallied here where they are still in the cache.
        var escalations = new int[OverdueLevels.Length];
        var overdueByRisk = new int[4];
        var overdueFrom = starts[VisitOverdueBucket];
        var days = new int[starts[VisitOverdueBucket + 1] - overdueFrom];
        var dayCount = 0;
        for (var i = 0; i < days.Length; i++)
        {
            var finding = keys[overdueFrom + i];
            if (finding.EscalateTo is { } level && Array.IndexOf(OverdueLevels, level) is var rank and >= 0)
            {
                escalations[rank]++;
            }

            if (finding.RiskLevel is { } risk)
            {
                overdueByRisk[(int)risk]++;
            }

            if (finding.DaysOverdue is { } overdue)
            {
                days[dayCount++] = overdue;
            }
        }

        return new SortedPart(keys, starts, escalations, overdueByRisk, days.AsSpan(0, dayCount).ToArray());
    }

    /// <summary>
    /// The findings of every partition in the contract's order. Partitions hold whole teams in ordinal order of team id,
    /// so within each kind one partition's findings follow the previous one's and concatenating them is enough. Each
    /// seam is checked all the same; where one is out of order (a host rule giving findings another team's id), that
    /// kind is sorted whole.
    /// </summary>
    public static List<Finding> Merge(IReadOnlyList<SortedPart> parts)
    {
        var total = 0;
        foreach (var part in parts)
        {
            total += part.Findings.Length;
        }

        var findings = new List<Finding>(total);
        for (var bucket = 0; bucket < Buckets; bucket++)
        {
            var start = findings.Count;
            var ordered = true;
            foreach (var part in parts)
            {
                var from = part.Starts[bucket];
                var count = part.Starts[bucket + 1] - from;
                if (count == 0)
                {
                    continue;
                }

                if (findings.Count > start && FindingOrder.Instance.Compare(findings[^1], part.Findings[from]) > 0)
                {
                    ordered = false;
                }

                findings.AddRange(new ArraySegment<Finding>(part.Findings, from, count));
            }

            if (!ordered)
            {
                findings.Sort(start, findings.Count - start, FindingOrder.Instance);
            }
        }

        return findings;
    }

    /// <summary>The summary and outcome measures, from the partitions' tallies and the merged findings.</summary>
    public static EvaluationSummary Summarise(IReadOnlyList<SortedPart> parts, List<Finding> findings, int offenders, int evaluated, int rejected, int notYetRegistered, int[] needingVisits, ChildProtectionOutcomes? childProtection = null)
    {
        // Contract kinds from the bucket sizes; kinds of host rules share the last bucket, so they are counted one by one.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var overdueByRisk = new int[4];
        var escalated = new int[OverdueLevels.Length];
        var dayCount = 0;
        var hostKinds = 0;
        foreach (var part in parts)
        {
            for (var bucket = 0; bucket < Buckets - 1; bucket++)
            {
                if (part.Starts[bucket + 1] - part.Starts[bucket] is var count and > 0)
                {
                    counts[FindingKinds.All[bucket]] = counts.GetValueOrDefault(FindingKinds.All[bucket]) + count;
                }
            }

            hostKinds += part.Starts[Buckets] - part.Starts[Buckets - 1];
            for (var level = 0; level < escalated.Length; level++)
            {
                escalated[level] += part.Escalations[level];
            }

            for (var risk = 0; risk < overdueByRisk.Length; risk++)
            {
                overdueByRisk[risk] += part.OverdueByRisk[risk];
            }

            dayCount += part.DaysOverdue.Length;
        }

        for (var i = findings.Count - hostKinds; i < findings.Count; i++)
        {
            counts[findings[i].Kind] = counts.GetValueOrDefault(findings[i].Kind) + 1;
        }

        var escalations = new Dictionary<EscalationLevel, int>(OverdueLevels.Length);
        for (var rank = 0; rank < OverdueLevels.Length; rank++)
        {
            escalations[OverdueLevels[rank]] = escalated[rank];
        }

        var daysOverdue = new int[dayCount];
        var at = 0;
        foreach (var part in parts)
        {
            part.DaysOverdue.CopyTo(daysOverdue, at);
            at += part.DaysOverdue.Length;
        }

        var percent = new Dictionary<RiskLevel, decimal>();
        foreach (var risk in new[] { RiskLevel.VeryHigh, RiskLevel.High, RiskLevel.Medium, RiskLevel.Low })
        {
            var needing = needingVisits[(int)risk];
            if (needing > 0)
            {
                var within = Math.Max(0, needing - overdueByRisk[(int)risk]);
                percent[risk] = Math.Round(100m * within / needing, 1, MidpointRounding.AwayFromZero);
            }
        }

        var (median, max) = MedianAndMax(daysOverdue);
        childProtection ??= ChildProtectionOutcomes.None;
        var (waitMedian, waitMax) = MedianAndMax(childProtection.WaitsEndedByArrival);
        decimal? onTime = childProtection.DiscussionsMeasured == 0
            ? null
            : Math.Round(100m * childProtection.OutcomesOnTime / childProtection.DiscussionsMeasured, 1, MidpointRounding.AwayFromZero);

        var byKind = new Dictionary<string, int>(counts.Count, StringComparer.Ordinal);
        foreach (var (kind, count) in counts.OrderBy(static c => FindingKinds.OrderOf(c.Key)).ThenBy(static c => c.Key, StringComparer.Ordinal))
        {
            byKind[kind] = count;
        }

        return new EvaluationSummary
        {
            Offenders = offenders,
            Evaluated = evaluated,
            Rejected = rejected,
            NotYetRegistered = notYetRegistered,
            FindingsByKind = byKind,
            Escalations = escalations,
            Outcomes = new OutcomeMeasures
            {
                VisitedWithinPolicyPercent = percent,
                MedianDaysOverdue = median,
                MaxDaysOverdue = max,
                StrategyOutcomesRecordedOnTimePercent = onTime,
                MedianAppropriateAdultWaitMinutes = waitMedian,
                MaxAppropriateAdultWaitMinutes = waitMax,
            },
        };
    }

    /// <summary>The median (the middle value, or the mean of the two middle values to one decimal place) and the maximum; both absent for no values. Sorts <paramref name="values"/>.</summary>
    private static (decimal? Median, int? Max) MedianAndMax(int[] values)
    {
        if (values.Length == 0)
        {
            return (null, null);
        }

        Array.Sort(values);
        var middle = values.Length / 2;
        var median = values.Length % 2 == 1
            ? values[middle]
            : Math.Round(((long)values[middle - 1] + values[middle]) / 2m, 1, MidpointRounding.AwayFromZero);
        return (median, values[^1]);
    }

    /// <summary>
    /// One partition's findings in the contract's order, where each kind's bucket starts (the last entry is the count),
    /// and its overdue visits' tallies: by escalation level and by risk level, and their days overdue.
    /// </summary>
    internal sealed record SortedPart(Finding[] Findings, int[] Starts, int[] Escalations, int[] OverdueByRisk, int[] DaysOverdue);
}
