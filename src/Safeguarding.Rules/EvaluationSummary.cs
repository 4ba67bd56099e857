
namespace Safeguarding.Rules;

/// <summary>The counts of an evaluation (contract section 5, <c>summary</c>).</summary>
public sealed class EvaluationSummary
{
    /// <summary>Offender records in the input: always <see cref="Evaluated"/> + <see cref="Rejected"/> + <see cref="NotYetRegistered"/>.</summary>
    public int Offenders { get; init; }

    /// <summary>Valid offenders registered on or before the as-of date.</summary>
    public int Evaluated { get; init; }

    /// <summary>Rejected offender records.</summary>
    public int Rejected { get; init; }

    /// <summary>Valid offenders registered after the as-of date, left out of every count and finding.</summary>
    public int NotYetRegistered { get; init; }

    /// <summary>Findings per kind, for every kind found (contract kinds and any a host rule adds).</summary>
    public required IReadOnlyDictionary<string, int> FindingsByKind { get; init; }

    /// <summary>VisitOverdue findings per escalation level (every level present, zero when none).</summary>
    public required IReadOnlyDictionary<EscalationLevel, int> Escalations { get; init; }

    /// <summary>
    /// Findings moved to <see cref="EvaluationReport.Suppressed"/> by an active override (contract section 8): each is counted
    /// here instead of in its kind's count and, for a VisitOverdue finding, in <see cref="Escalations"/>.
    /// </summary>
    public int Suppressed { get; init; }

    /// <summary>The outcome measures.</summary>
    public required OutcomeMeasures Outcomes { get; init; }

    /// <summary>The number of findings of <paramref name="kind"/>.</summary>
    /// <param name="kind">A finding kind (see <see cref="FindingKinds"/>).</param>
    /// <returns>The count; zero when there are none.</returns>
    public int Count(string kind) => FindingsByKind.TryGetValue(kind, out var count) ? count : 0;
}
