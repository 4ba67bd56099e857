namespace Safeguarding.Rules.Benchmarks.Baselines;

/// <summary>The per-team record of the Microsoft RulesEngine baseline, built from the offender workflow's overdue results.</summary>
public sealed class TeamInput
{
    /// <summary>The team's id.</summary>
    public required string Id { get; init; }

    /// <summary>The sum of the team's managers' caseloads.</summary>
    public int Caseload { get; init; }

    /// <summary>VisitOverdue results of offenders whose manager is in the team.</summary>
    public int OverdueVisits { get; init; }
}
