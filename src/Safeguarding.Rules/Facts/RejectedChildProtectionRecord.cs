namespace Safeguarding.Rules.Facts;

/// <summary>A rejected strategy discussion, detention or police protection record (contract section 6), evaluated only when partial results are allowed.</summary>
public sealed class RejectedChildProtectionRecord
{
    private readonly int _hash = FactHash.Next();

    internal RejectedChildProtectionRecord()
    {
    }

    /// <summary>The record's input array.</summary>
    public string Array { get; internal init; } = string.Empty;

    /// <summary>The record's index in its array.</summary>
    public int Index { get; internal init; }

    /// <summary>The record's id, when it could be read.</summary>
    public string? RecordId { get; internal init; }

    /// <summary>The fields at fault (names and paths only, never values).</summary>
    public IReadOnlyList<string> Fields { get; internal init; } = [];

    /// <summary>Facts are identified by reference: two facts are the same fact only if they are the same object.</summary>
    /// <param name="obj">The other object.</param>
    /// <returns>Whether <paramref name="obj"/> is this fact.</returns>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <summary>A hash code fixed at creation (cheaper for the engine's working memory than the runtime's identity hash).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => _hash;
}
