using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Impact;

/// <summary>
/// What changing the policy would change: every finding that differs between the baseline and the proposed policy
/// for the same caseload and as-of date, grouped by team and kind with counts, and every offender, manager and team
/// affected. Bad input is part of the result: when the caseload had problems, <see cref="IsEvaluated"/> is
/// <see langword="false"/> and <see cref="Problems"/> says why.
/// </summary>
public sealed class ImpactReport
{
    /// <summary>Whether both policies were evaluated. <see langword="false"/> when the input had problems.</summary>
    public required bool IsEvaluated { get; init; }

    /// <summary>Every problem with the input, each naming the record and field; empty for clean input.</summary>
    public required IReadOnlyList<InputProblem> Problems { get; init; }

    /// <summary>The as-of date both evaluations used.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The version label of the baseline policy.</summary>
    public required string BaselinePolicyVersion { get; init; }

    /// <summary>The version label of the proposed policy.</summary>
    public required string ProposedPolicyVersion { get; init; }

    /// <summary>
    /// Every difference, ordered by team (ordinal, no team first), kind (the contract's order), manager, offender
    /// (ordinal, absent first), then key. Empty when nothing differs or nothing was evaluated.
    /// </summary>
    public required IReadOnlyList<FindingChange> Changes { get; init; }

    /// <summary>Whether any finding differs.</summary>
    public bool HasChanges => Changes.Count > 0;

    /// <summary>Findings only the proposed policy raises.</summary>
    public required int Raised { get; init; }

    /// <summary>Findings only the baseline raises.</summary>
    public required int Cleared { get; init; }

    /// <summary>Findings both raise, with different values.</summary>
    public required int Changed { get; init; }

    /// <summary>
    /// Every contract kind, then any other kind either evaluation found, in the contract's order: the counts under
    /// both policies and the differences.
    /// </summary>
    public required IReadOnlyList<KindImpact> Kinds { get; init; }

    /// <summary>Each team with at least one difference, in <see cref="Changes"/>' team order (no team first), with its kinds.</summary>
    public required IReadOnlyList<TeamImpact> Teams { get; init; }

    /// <summary>The offenders of every difference, distinct, ordinal order.</summary>
    public required IReadOnlyList<string> AffectedOffenders { get; init; }

    /// <summary>The managers of every difference, distinct, ordinal order.</summary>
    public required IReadOnlyList<string> AffectedManagers { get; init; }

    /// <summary>The teams of every difference, distinct, ordinal order.</summary>
    public required IReadOnlyList<string> AffectedTeams { get; init; }
}
