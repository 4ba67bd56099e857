using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.TestSupport.Oracle;

/// <summary>
/// What the reference implementation concludes for a valid snapshot: the findings in the contract's order
/// (section 5) and the summary figures. <see cref="Finding.Rule"/> and <see cref="Finding.Reason"/> hold
/// <see cref="ReferenceEvaluator.Placeholder"/>: the oracle decides facts, not wording.
/// </summary>
public sealed class OracleReport
{
    /// <summary>The findings, sorted by kind in the contract's table order, then teamId, managerId, offenderId (ordinal, absent first).</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>The findings an active override defers (contract section 8), in the contract's order; not in <see cref="Findings"/> nor in <see cref="FindingsByKind"/>.</summary>
    public IReadOnlyList<SuppressedFinding> Suppressed { get; init; } = [];

    /// <summary>Offender records in the input.</summary>
    public required int Offenders { get; init; }

    /// <summary>Offenders registered on or before the as-of date.</summary>
    public required int Evaluated { get; init; }

    /// <summary>Rejected offender records: always zero, because the oracle only takes valid snapshots.</summary>
    public int Rejected => 0;

    /// <summary>Offenders registered after the as-of date.</summary>
    public required int NotYetRegistered { get; init; }

    /// <summary>The number of findings of every contract kind (zero when none).</summary>
    public required IReadOnlyDictionary<string, int> FindingsByKind { get; init; }

    /// <summary>VisitOverdue findings per escalation level (every level present, zero when none).</summary>
    public required IReadOnlyDictionary<EscalationLevel, int> Escalations { get; init; }

    /// <summary>Per risk level with anybody needing visits: the share of them not overdue, in percent, one decimal place, halves away from zero.</summary>
    public required IReadOnlyDictionary<RiskLevel, decimal> VisitedWithinPolicyPercent { get; init; }

    /// <summary>The median days overdue over all VisitOverdue findings; <see langword="null"/> when there are none.</summary>
    public required decimal? MedianDaysOverdue { get; init; }

    /// <summary>The largest days overdue; <see langword="null"/> when there are no VisitOverdue findings.</summary>
    public required int? MaxDaysOverdue { get; init; }

    /// <summary>Of the discussions held by D whose outcome was due before D, the share recorded by the due date (percent, one decimal place); <see langword="null"/> when there are none.</summary>
    public decimal? StrategyOutcomesRecordedOnTimePercent { get; init; }

    /// <summary>The median minutes waited by the juveniles whose wait ended with the appropriate adult's arrival; <see langword="null"/> when none.</summary>
    public decimal? MedianAppropriateAdultWaitMinutes { get; init; }

    /// <summary>The longest such wait in minutes; <see langword="null"/> when none.</summary>
    public int? MaxAppropriateAdultWaitMinutes { get; init; }

    /// <summary>The number of findings of <paramref name="kind"/>.</summary>
    /// <param name="kind">A finding kind.</param>
    /// <returns>The count; zero for a kind with no findings.</returns>
    public int Count(string kind) => FindingsByKind.TryGetValue(kind, out var count) ? count : 0;
}
