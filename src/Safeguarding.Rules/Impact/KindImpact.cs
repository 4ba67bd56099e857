namespace Safeguarding.Rules.Impact;

/// <summary>The findings of one kind (overall, or within one team) under both policies, and how many differ.</summary>
public sealed class KindImpact
{
    /// <summary>The finding kind.</summary>
    public required string Kind { get; init; }

    /// <summary>Findings of the kind under the baseline.</summary>
    public required int Baseline { get; init; }

    /// <summary>Findings of the kind under the proposed policy: always <see cref="Baseline"/> + <see cref="Raised"/> - <see cref="Cleared"/>.</summary>
    public required int Proposed { get; init; }

    /// <summary>Findings only the proposed policy raises.</summary>
    public required int Raised { get; init; }

    /// <summary>Findings only the baseline raises.</summary>
    public required int Cleared { get; init; }

    /// <summary>Findings both raise, with different values.</summary>
    public required int Changed { get; init; }

    /// <summary>Every difference: <see cref="Raised"/> + <see cref="Cleared"/> + <see cref="Changed"/>.</summary>
    public int Total => Raised + Cleared + Changed;
}
