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

    /// <summary>A copy of the effective policy, taken when the evaluation started.</summary>
    public required SafeguardingPolicy Policy { get; init; }

    /// <summary>The rule catalogue, its descriptions showing <see cref="Policy"/>'s values.</summary>
    public required Func<IReadOnlyList<RuleInfo>> Rules { get; init; }
}
