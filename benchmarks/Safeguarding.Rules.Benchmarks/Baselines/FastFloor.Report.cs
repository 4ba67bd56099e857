using System.Text;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Benchmarks.Baselines;

/// <summary>Overrides (contract section 8), the report, the summary and the outcome measures.</summary>
public static partial class FastFloor
{
    /// <summary>The section 8 problems of the overrides, counted.</summary>
    private static int CheckOverrides(IReadOnlyList<Override> overrides, SafeguardingPolicy policy)
    {
        if (overrides.Count == 0)
        {
            return 0;
        }

        var problems = 0;
        var kinds = new HashSet<string>(policy.Overrides.Kinds, StringComparer.Ordinal);
        var ids = new HashSet<string>(overrides.Count, StringComparer.Ordinal);
        foreach (var entry in overrides)
        {
            if (entry is null || string.IsNullOrEmpty(entry.Id) || !ids.Add(entry.Id) || string.IsNullOrEmpty(entry.AuthorisedBy) || string.IsNullOrEmpty(entry.FindingId)
                || !IsCode(entry.ReasonCode) || entry.Until < entry.From || entry.Until.DayNumber - entry.From.DayNumber + 1 > policy.Overrides.MaxDays)
            {
                problems++;
                continue;
            }

            var colon = entry.FindingId.IndexOf(':', StringComparison.Ordinal);
            if (!kinds.Contains(colon < 0 ? entry.FindingId : entry.FindingId[..colon]))
            {
                problems++;
            }
        }

        return problems;
    }

    private static bool IsCode(string? code)
    {
        if (code is null || code.Length is 0 or > 64)
        {
            return false;
        }

        foreach (var c in code)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The findings in order, overrides applied, and the summary.</summary>
    private static FloorReport Report(List<Entry>[] buckets, IReadOnlyList<Override> overrides, DateOnly asOf, Tallies tallies)
    {
        // Per finding id: the active override with the latest until (the first among equals), and the latest until of the ended ones.
        Dictionary<string, (Override? Active, DateOnly? Expired)>? named = null;
        HashSet<string>? namedKinds = null;
        foreach (var entry in overrides)
        {
            if (entry.From > asOf)
            {
                continue;
            }

            named ??= new Dictionary<string, (Override?, DateOnly?)>(StringComparer.Ordinal);
            namedKinds ??= new HashSet<string>(StringComparer.Ordinal);
            named.TryGetValue(entry.FindingId, out var found);
            if (entry.Until >= asOf)
            {
                if (found.Active is null || entry.Until > found.Active.Until)
                {
                    found.Active = entry;
                }
            }
            else if (found.Expired is null || entry.Until > found.Expired)
            {
                found.Expired = entry.Until;
            }

            named[entry.FindingId] = found;
            var colon = entry.FindingId.IndexOf(':', StringComparison.Ordinal);
            namedKinds.Add(colon < 0 ? entry.FindingId : entry.FindingId[..colon]);
        }

        var total = 0;
        foreach (var bucket in buckets)
        {
            total += bucket.Count;
        }

        var findings = new List<Finding>(total);
        var suppressed = new List<SuppressedFinding>();
        var counts = new Dictionary<string, int>(Kinds.Length, StringComparer.Ordinal);
        var escalations = tallies.Escalations;
        for (var k = 0; k < buckets.Length; k++)
        {
            var bucket = buckets[k];
            var kept = bucket.Count;
            if (named is not null && namedKinds!.Contains(Kinds[k]))
            {
                foreach (var entry in bucket)
                {
                    var finding = entry.Finding;
                    if (!named.TryGetValue(IdOf(k, finding), out var found))
                    {
                        findings.Add(finding);
                    }
                    else if (found.Active is { } active)
                    {
                        suppressed.Add(new SuppressedFinding(finding, active.Id, active.Until));
                        kept--;
                        if (finding.EscalateTo is { } level && k == KindVisitOverdue)
                        {
                            escalations[(int)level]--;
                        }
                    }
                    else
                    {
                        findings.Add(finding with { OverrideExpiredOn = found.Expired });
                    }
                }
            }
            else
            {
                foreach (var entry in bucket)
                {
                    findings.Add(entry.Finding);
                }
            }

            if (kept > 0)
            {
                counts[Kinds[k]] = kept;
            }
        }

        var percent = new Dictionary<RiskLevel, decimal>();
        foreach (var risk in (ReadOnlySpan<RiskLevel>)[RiskLevel.VeryHigh, RiskLevel.High, RiskLevel.Medium, RiskLevel.Low])
        {
            var need = tallies.Needing[(int)risk];
            if (need > 0)
            {
                percent[risk] = Math.Round(100m * (need - tallies.OverdueByRisk[(int)risk]) / need, 1, MidpointRounding.AwayFromZero);
            }
        }

        var cp = tallies.ChildProtection;
        var (median, max) = MedianAndMax(tallies.DaysOverdue);
        var (waitMedian, waitMax) = MedianAndMax(cp.WaitsEndedByArrival);
        return new FloorReport
        {
            IsEvaluated = true,
            ProblemCount = 0,
            Findings = findings,
            Suppressed = suppressed,
            Summary = new EvaluationSummary
            {
                Offenders = tallies.Offenders,
                Evaluated = tallies.Evaluated,
                NotYetRegistered = tallies.NotYetRegistered,
                FindingsByKind = counts,
                Escalations = new Dictionary<EscalationLevel, int>
                {
                    [EscalationLevel.OffenderManager] = escalations[0],
                    [EscalationLevel.Supervisor] = escalations[1],
                    [EscalationLevel.DetectiveInspector] = escalations[2],
                },
                Suppressed = suppressed.Count,
                Outcomes = new OutcomeMeasures
                {
                    VisitedWithinPolicyPercent = percent,
                    MedianDaysOverdue = median,
                    MaxDaysOverdue = max,
                    StrategyOutcomesRecordedOnTimePercent = cp.DiscussionsMeasured == 0 ? null : Math.Round(100m * cp.OutcomesOnTime / cp.DiscussionsMeasured, 1, MidpointRounding.AwayFromZero),
                    MedianAppropriateAdultWaitMinutes = waitMedian,
                    MaxAppropriateAdultWaitMinutes = waitMax,
                },
            },
        };
    }

    /// <summary>A finding's id (contract section 7) for the kinds the floor raises.</summary>
    private static string IdOf(int kind, Finding finding)
    {
        var id = new StringBuilder(Kinds[kind]);
        foreach (var part in kind switch
        {
            KindNeighbourhoodNotBriefed => [finding.OffenderId, finding.NeighbourhoodId],
            KindCaseloadAboveTarget or KindCaseloadCritical => [finding.ManagerId],
            KindUnitBacklog => [finding.TeamId],
            KindStrategyOutcomeNotRecorded => [finding.DiscussionId],
            KindStrategyActionOverdue => [finding.DiscussionId, finding.ActionId],
            KindAppropriateAdultDelayed => [finding.DetentionId],
            KindInterviewWithoutAppropriateAdult => [finding.DetentionId, finding.InterviewStartedAt!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)],
            KindPoliceProtectionExceeded or KindLocalAuthorityNotInformed => [finding.ProtectionId],
            _ => (string?[])[finding.OffenderId],
        })
        {
            id.Append(':');
            foreach (var c in part!)
            {
                _ = c switch
                {
                    '%' => id.Append("%25"),
                    ':' => id.Append("%3A"),
                    _ => id.Append(c),
                };
            }
        }

        return id.ToString();
    }

    private static (decimal? Median, int? Max) MedianAndMax(List<int> values)
    {
        if (values.Count == 0)
        {
            return (null, null);
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : Math.Round(((long)sorted[middle - 1] + sorted[middle]) / 2m, 1, MidpointRounding.AwayFromZero);
        return (median, sorted[^1]);
    }

    /// <summary>What the passes counted, for the summary.</summary>
    private sealed record Tallies(int Offenders, int Evaluated, int NotYetRegistered, int[] Needing, int[] OverdueByRisk, int[] Escalations, List<int> DaysOverdue, ChildProtectionTallies ChildProtection);
}
