namespace Safeguarding.Rules.Benchmarks.Baselines;

/// <summary>The per-protection record of the Microsoft RulesEngine baseline (a police protection started by the as-of instant).</summary>
public sealed class ProtectionInput
{
    /// <summary>The protection's id.</summary>
    public required string Id { get; init; }

    /// <summary>The protection's team, when given.</summary>
    public string? TeamId { get; init; }

    /// <summary>Whole minutes in protection, to the end or the as-of instant.</summary>
    public int MinutesInProtection { get; init; }

    /// <summary>Whole minutes from the start to informing the local authority, or to the as-of instant.</summary>
    public int MinutesToInform { get; init; }
}
