using Safeguarding.Rules.Findings;

namespace Safeguarding.Rules.Monitoring;

/// <summary>
/// A finding as a dictionary key standing for its id (contract section 7): compared as ids are
/// (<see cref="FindingIds.SameIdComparer"/>, by identity values, without writing the id out), its hash worked out once.
/// A monitor keys every finding it tracks, and its new day compares them all before and after.
/// </summary>
internal readonly struct FindingKey : IEquatable<FindingKey>
{
    private readonly int _hash;

    public FindingKey(Finding finding)
    {
        Finding = finding;
        _hash = FindingIds.SameIdComparer.GetHashCode(finding);
    }

    /// <summary>The finding (any finding with the id the key stands for).</summary>
    public Finding Finding { get; }

    /// <summary>The id, written out.</summary>
    public string Id => Finding.Id;

    public bool Equals(FindingKey other) =>
        _hash == other._hash && (ReferenceEquals(Finding, other.Finding) || FindingIds.SameIdComparer.Equals(Finding, other.Finding));

    public override bool Equals(object? obj) => obj is FindingKey other && Equals(other);

    public override int GetHashCode() => _hash;
}
