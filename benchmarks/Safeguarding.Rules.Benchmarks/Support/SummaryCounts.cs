using System.Globalization;
using System.Text;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.TestSupport.Oracle;

namespace Safeguarding.Rules.Benchmarks.Support;

/// <summary>The summary counts that the three evaluators must agree on before any timing.</summary>
public sealed record SummaryCounts
{
    /// <summary>The names of the counts, in the order of <see cref="Values"/>.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        FindingKinds.VisitOverdue,
        FindingKinds.VisitDueSoon,
        FindingKinds.RepeatedNoAccess,
        FindingKinds.ReactiveManagementIneligible,
        FindingKinds.CaseloadAboveTarget,
        FindingKinds.CaseloadCritical,
        FindingKinds.Unallocated,
        FindingKinds.UnitBacklog,
        FindingKinds.RiskReviewOverdue,
        FindingKinds.NeighbourhoodNotBriefed,
        FindingKinds.StrategyOutcomeNotRecorded,
        FindingKinds.StrategyActionOverdue,
        FindingKinds.AppropriateAdultDelayed,
        FindingKinds.InterviewWithoutAppropriateAdult,
        FindingKinds.PoliceProtectionExceeded,
        FindingKinds.LocalAuthorityNotInformed,
        "Escalation." + nameof(EscalationLevel.OffenderManager),
        "Escalation." + nameof(EscalationLevel.Supervisor),
        "Escalation." + nameof(EscalationLevel.DetectiveInspector),
    ];

    /// <summary>The counts, in the order of <see cref="Names"/>.</summary>
    public required IReadOnlyList<int> Values { get; init; }

    /// <summary>The counts of the engine's report.</summary>
    /// <param name="report">An evaluated report.</param>
    /// <returns>The counts.</returns>
    public static SummaryCounts From(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = report.Summary;
        return Of(
            summary.Count,
            level => summary.Escalations.TryGetValue(level, out var n) ? n : 0);
    }

    /// <summary>The counts of the oracle's report.</summary>
    /// <param name="report">The oracle's report.</param>
    /// <returns>The counts.</returns>
    public static SummaryCounts From(OracleReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Of(
            report.Count,
            level => report.Escalations.TryGetValue(level, out var n) ? n : 0);
    }

    /// <summary>Builds the counts from a count per kind and a count per escalation level.</summary>
    /// <param name="countOfKind">The number of findings of a kind.</param>
    /// <param name="countOfLevel">The number of VisitOverdue findings escalated to a level.</param>
    /// <returns>The counts.</returns>
    public static SummaryCounts Of(Func<string, int> countOfKind, Func<EscalationLevel, int> countOfLevel)
    {
        ArgumentNullException.ThrowIfNull(countOfKind);
        ArgumentNullException.ThrowIfNull(countOfLevel);
        var values = new List<int>(Names.Count);
        for (var i = 0; i < Names.Count - 3; i++)
        {
            values.Add(countOfKind(Names[i]));
        }

        values.Add(countOfLevel(EscalationLevel.OffenderManager));
        values.Add(countOfLevel(EscalationLevel.Supervisor));
        values.Add(countOfLevel(EscalationLevel.DetectiveInspector));
        return new SummaryCounts { Values = values };
    }

    /// <summary>The counts that differ from <paramref name="other"/>, one "name: this vs other" per difference.</summary>
    /// <param name="other">The counts to compare with.</param>
    /// <returns>The differences; empty when the counts agree.</returns>
    public IReadOnlyList<string> DifferencesFrom(SummaryCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var differences = new List<string>();
        for (var i = 0; i < Names.Count; i++)
        {
            if (Values[i] != other.Values[i])
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"{Names[i]}: {Values[i]} vs {other.Values[i]}"));
            }
        }

        return differences;
    }

    /// <inheritdoc />
    public bool Equals(SummaryCounts? other) => other is not null && Values.SequenceEqual(other.Values);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var value in Values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Names.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(CultureInfo.InvariantCulture, $"{Names[i]}={Values[i]}");
        }

        return text.ToString();
    }
}
