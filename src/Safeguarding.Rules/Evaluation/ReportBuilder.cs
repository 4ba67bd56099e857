using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Findings;

namespace Safeguarding.Rules.Evaluation;

/// <summary>Orders findings as the contract says and computes the summary and outcome measures.</summary>
internal static class ReportBuilder
{
    public static void Sort(List<Finding> findings, int maxDegreeOfParallelism)
    {
        // Bucket by kind (the first sort key) and sort the buckets in parallel: the rest of the order is within a kind.
        var buckets = new List<Finding>[FindingKinds.All.Count + 1];
        foreach (var finding in findings)
        {
            (buckets[FindingKinds.OrderOf(finding.Kind)] ??= []).Add(finding);
        }

        Parallel.ForEach(
            buckets.Where(static b => b is { Count: > 1 }),
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            static bucket => bucket.Sort(FindingOrder.Instance));
        findings.Clear();
        foreach (var bucket in buckets)
        {
            if (bucket is not null)
            {
                findings.AddRange(bucket);
            }
        }
    }

    public static EvaluationSummary Summarise(IReadOnlyList<Finding> findings, int offenders, int evaluated, int rejected, int notYetRegistered, int[] needingVisits)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var escalations = new Dictionary<EscalationLevel, int>
        {
            [EscalationLevel.OffenderManager] = 0,
            [EscalationLevel.Supervisor] = 0,
            [EscalationLevel.DetectiveInspector] = 0,
        };
        var overdueByRisk = new int[4];
        var daysOverdue = new List<int>();
        foreach (var finding in findings)
        {
            counts[finding.Kind] = counts.TryGetValue(finding.Kind, out var count) ? count + 1 : 1;
            if (finding.Kind == FindingKinds.VisitOverdue)
            {
                if (finding.EscalateTo is { } level)
                {
                    escalations[level]++;
                }

                if (finding.RiskLevel is { } risk)
                {
                    overdueByRisk[(int)risk]++;
                }

                if (finding.DaysOverdue is { } days)
                {
                    daysOverdue.Add(days);
                }
            }
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

        decimal? median = null;
        int? max = null;
        if (daysOverdue.Count > 0)
        {
            daysOverdue.Sort();
            var middle = daysOverdue.Count / 2;
            median = daysOverdue.Count % 2 == 1
                ? daysOverdue[middle]
                : Math.Round((daysOverdue[middle - 1] + daysOverdue[middle]) / 2m, 1, MidpointRounding.AwayFromZero);
            max = daysOverdue[^1];
        }

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
            Outcomes = new OutcomeMeasures { VisitedWithinPolicyPercent = percent, MedianDaysOverdue = median, MaxDaysOverdue = max },
        };
    }

    /// <summary>Within a kind (the contract's table order is the bucket order): team, manager, offender (ordinal; absent first), then record index and rule.</summary>
    private sealed class FindingOrder : IComparer<Finding>
    {
        public static readonly FindingOrder Instance = new();

        public int Compare(Finding? x, Finding? y)
        {
            // Within one kind bucket; host-defined kinds share the last bucket, in ordinal order of kind.
            var c = string.CompareOrdinal(x!.Kind, y!.Kind);
            if (c != 0)
            {
                return c;
            }

            c = string.CompareOrdinal(x.TeamId, y.TeamId);
            if (c != 0)
            {
                return c;
            }

            c = string.CompareOrdinal(x.ManagerId, y.ManagerId);
            if (c != 0)
            {
                return c;
            }

            c = string.CompareOrdinal(x.OffenderId, y.OffenderId);
            if (c != 0)
            {
                return c;
            }

            c = (x.Index ?? -1).CompareTo(y.Index ?? -1);
            return c != 0 ? c : string.CompareOrdinal(x.Rule, y.Rule);
        }
    }
}
