namespace Safeguarding.Rules.Benchmarks.Baselines;

/// <summary>The per-manager record of the Microsoft RulesEngine baseline.</summary>
public sealed class ManagerInput
{
    /// <summary>The manager's id.</summary>
    public required string Id { get; init; }

    /// <summary>The manager's team, when any.</summary>
    public string? TeamId { get; init; }

    /// <summary>Offenders assigned, registered by the as-of date and not in custody.</summary>
    public int Caseload { get; init; }
}
