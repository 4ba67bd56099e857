using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Findings;

namespace Safeguarding.Rules.Evaluation;

/// <summary>Orders findings as the contract says and computes the summary and outcome measures.</summary>
internal static class ReportBuilder
{
    public static void Sort(List<Finding> findings) => findings.Sort(FindingOrder.Instance);

    public static EvaluationSummary Summarise(IReadOnlyList<Finding> findings, int offenders, int evaluated, int rejected, int notYetRegistered, int[] needingVisits)
    {
        var byKind = new SortedDictionary<string, int>(Comparer<string>.Create(static (a, b) =>
        {
            var byOrder = FindingKinds.OrderOf(a).CompareTo(FindingKinds.OrderOf(b));
            return byOrder != 0 ? byOrder : string.CompareOrdinal(a, b);
        }));
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
            byKind[finding.Kind] = byKind.TryGetValue(finding.Kind, out var count) ? count + 1 : 1;
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

    /// <summary>By kind in the contract's table order, then team, manager, offender (ordinal; absent first), then record index and rule.</summary>
    private sealed class FindingOrder : IComparer<Finding>
    {
        public static readonly FindingOrder Instance = new();

        public int Compare(Finding? x, Finding? y)
        {
            var c = FindingKinds.OrderOf(x!.Kind).CompareTo(FindingKinds.OrderOf(y!.Kind));
            if (c != 0)
            {
                return c;
            }

            c = string.CompareOrdinal(x.Kind, y.Kind);
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
