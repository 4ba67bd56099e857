using Safeguarding.Rules.Benchmarks.Support;

namespace Safeguarding.Rules.Benchmarks.Baselines;

/// <summary>What the Microsoft RulesEngine baseline concludes: its findings and their counts.</summary>
public sealed class RulesEngineOutcome
{
    /// <summary>The findings, offenders' first, then managers', then teams'.</summary>
    public required IReadOnlyList<RulesEngineFinding> Findings { get; init; }

    /// <summary>The summary counts of <see cref="Findings"/>.</summary>
    /// <returns>The counts.</returns>
    public SummaryCounts Counts()
    {
        var byKind = new Dictionary<string, int>(StringComparer.Ordinal);
        var byLevel = new Dictionary<EscalationLevel, int>();
        foreach (var finding in Findings)
        {
            byKind[finding.Kind] = byKind.GetValueOrDefault(finding.Kind) + 1;
            if (finding.EscalateTo is { } level && finding.Kind == FindingKinds.VisitOverdue)
            {
                byLevel[level] = byLevel.GetValueOrDefault(level) + 1;
            }
        }

        return SummaryCounts.Of(kind => byKind.GetValueOrDefault(kind), level => byLevel.GetValueOrDefault(level));
    }
}
