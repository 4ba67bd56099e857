
namespace Safeguarding.Rules.Impact;

/// <summary>
/// One finding that differs between the baseline and the proposed policy: raised, cleared, or changed, matched by
/// <see cref="Finding.Id"/> (the kind and the subject).
/// </summary>
public sealed class FindingChange
{
    /// <summary>Raised, cleared or changed.</summary>
    public required FindingChangeKind Change { get; init; }

    /// <summary>The finding's <see cref="Finding.Id"/>: its kind and subject.</summary>
    public required string Key { get; init; }

    /// <summary>The finding kind (see <see cref="FindingKinds"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>The offender concerned, when the finding has one.</summary>
    public string? OffenderId { get; init; }

    /// <summary>The offender manager concerned, when the finding has one.</summary>
    public string? ManagerId { get; init; }

    /// <summary>The team concerned, when the finding has one (unallocated offenders belong to no team).</summary>
    public string? TeamId { get; init; }

    /// <summary>The finding under the baseline; <see langword="null"/> when <see cref="FindingChangeKind.Raised"/>.</summary>
    public Finding? Baseline { get; init; }

    /// <summary>The finding under the proposed policy; <see langword="null"/> when <see cref="FindingChangeKind.Cleared"/>.</summary>
    public Finding? Proposed { get; init; }

    /// <summary>
    /// The fields whose values differ, in the findings document's field order; empty unless
    /// <see cref="FindingChangeKind.Changed"/>.
    /// </summary>
    public required IReadOnlyList<FieldChange> Fields { get; init; }
}
