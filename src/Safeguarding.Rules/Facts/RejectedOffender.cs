namespace Safeguarding.Rules.Facts;

/// <summary>An offender record rejected as invalid (contract section 3), evaluated only when partial results are allowed.</summary>
public sealed class RejectedOffender
{
    private readonly int _hash = FactHash.Next();

    internal RejectedOffender(int index, string? offenderId, IReadOnlyList<string> fields)
    {
        Index = index;
        OffenderId = offenderId;
        Fields = fields;
    }

    /// <summary>The record's index in the snapshot's <c>offenders</c> array.</summary>
    public int Index { get; }

    /// <summary>The record's id, when it could be read.</summary>
    public string? OffenderId { get; }

    /// <summary>The fields at fault (names only, never values).</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Facts are identified by reference: two facts are the same fact only if they are the same object.</summary>
    /// <param name="obj">The other object.</param>
    /// <returns>Whether <paramref name="obj"/> is this fact.</returns>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <summary>A hash code fixed at creation (cheaper for the engine's working memory than the runtime's identity hash).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => _hash;
}
