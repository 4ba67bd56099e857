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

    /// <summary>
    /// 100 x (strategy discussions held by the as-of date whose due date is before it and whose outcome was recorded on or
    /// before the due date) / (discussions held by the as-of date whose due date is before it), rounded to one decimal
    /// place, halves away from zero; <see langword="null"/> when there are none (contract section 6).
    /// </summary>
    public decimal? StrategyOutcomesRecordedOnTimePercent { get; init; }

    /// <summary>
    /// The median whole minutes waited (one decimal place) over the juvenile detentions authorised by the as-of instant whose
    /// wait ended with the appropriate adult's arrival; <see langword="null"/> when there are none.
    /// </summary>
    public decimal? MedianAppropriateAdultWaitMinutes { get; init; }

    /// <summary>The most whole minutes waited over the same detentions; <see langword="null"/> when there are none.</summary>
    public int? MaxAppropriateAdultWaitMinutes { get; init; }
}
