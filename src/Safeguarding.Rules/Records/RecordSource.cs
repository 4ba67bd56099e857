using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Records;

/// <summary>
/// What an evaluation keeps so that its <see cref="DecisionRecord"/> can be computed later, outside the timed
/// evaluation: the snapshot (only when its source's hash was not given), the effective policy and the
/// rule catalogue described for it.
/// </summary>
internal sealed class RecordSource
{
    /// <summary>The hash of the snapshot's source, when the caller gave it.</summary>
    public string? SnapshotSha256 { get; init; }

    /// <summary>The snapshot, kept only when <see cref="SnapshotSha256"/> is <see langword="null"/>: its JSON is hashed then.</summary>
    public CaseloadSnapshot? Snapshot { get; init; }

    /// <summary>The effective policy and the rule catalogue described for it.</summary>
    public required RecordBasis Basis { get; init; }
}

/// <summary>What a decision record is computed from besides the snapshot and the findings.</summary>
/// <param name="Policy">A copy of the effective policy, taken when the evaluation (or the monitor's load) started.</param>
/// <param name="Rules">The rule catalogue, its descriptions showing <paramref name="Policy"/>'s values.</param>
internal sealed record RecordBasis(SafeguardingPolicy Policy, Func<IReadOnlyList<RuleInfo>> Rules);
