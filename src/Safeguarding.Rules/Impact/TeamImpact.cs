namespace Safeguarding.Rules.Impact;

/// <summary>The differences within one team (or among findings of no team), by kind.</summary>
public sealed class TeamImpact
{
    /// <summary>The team; <see langword="null"/> for findings that belong to no team (unallocated offenders, rejected records).</summary>
    public string? TeamId { get; init; }

    /// <summary>Findings of the team only the proposed policy raises.</summary>
    public required int Raised { get; init; }

    /// <summary>Findings of the team only the baseline raises.</summary>
    public required int Cleared { get; init; }

    /// <summary>Findings of the team both raise, with different values.</summary>
    public required int Changed { get; init; }

    /// <summary>Every difference in the team: <see cref="Raised"/> + <see cref="Cleared"/> + <see cref="Changed"/>.</summary>
    public int Total => Raised + Cleared + Changed;

    /// <summary>Each kind with at least one difference in the team, in the contract's kind order, with the team's counts under both policies.</summary>
    public required IReadOnlyList<KindImpact> Kinds { get; init; }
}
