using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules;

/// <summary>Outcome measures of an evaluation (contract section 5, <c>summary.outcomes</c>): results, not activity.</summary>
public sealed class OutcomeMeasures
{
    /// <summary>
    /// For each risk level with anybody needing visits: 100 x (those needing visits who are not overdue) / (those needing visits),
    /// rounded to one decimal place, halves away from zero.
    /// </summary>
    public required IReadOnlyDictionary<RiskLevel, decimal> VisitedWithinPolicyPercent { get; init; }

    /// <summary>The median days overdue over all overdue visits (one decimal place); <see langword="null"/> when none is overdue.</summary>
    public decimal? MedianDaysOverdue { get; init; }

    /// <summary>The most days overdue; <see langword="null"/> when none is overdue.</summary>
    public int? MaxDaysOverdue { get; init; }
}
