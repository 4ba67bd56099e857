using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Facts;

/// <summary>The working fact for one police protection started by the as-of instant (contract section 6), with its clocks worked out.</summary>
public sealed class PoliceProtectionCase
{
    private readonly int _hash = FactHash.Next();

    internal PoliceProtectionCase()
    {
    }

    /// <summary>The protection's identifier.</summary>
    public string ProtectionId { get; internal set; } = string.Empty;

    /// <summary>The team responsible, when recorded.</summary>
    public string? TeamId { get; internal set; }

    /// <summary>When the protection started.</summary>
    public DateTimeOffset StartedAt { get; internal set; }

    /// <summary>When the local authority was informed, when it was by the as-of instant.</summary>
    public DateTimeOffset? LocalAuthorityInformedAt { get; internal set; }

    /// <summary>When the protection ended, when it was by the as-of instant.</summary>
    public DateTimeOffset? EndedAt { get; internal set; }

    /// <summary>Whole minutes from the start to the end, or to the as-of instant.</summary>
    public int MinutesInProtection { get; internal set; }

    /// <summary>Whole minutes from the start to informing the local authority, or to the as-of instant.</summary>
    public int MinutesToInform { get; internal set; }

    /// <summary>The as-of instant.</summary>
    public DateTimeOffset AsOfInstant { get; internal set; }

    /// <summary>The policy in force for this evaluation, read-only.</summary>
    public PolicyView Policy { get; internal set; } = PolicyView.Default;

    /// <summary>Facts are identified by reference: two facts are the same fact only if they are the same object.</summary>
    /// <param name="obj">The other object.</param>
    /// <returns>Whether <paramref name="obj"/> is this fact.</returns>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <summary>A hash code fixed at creation (cheaper for the engine's working memory than the runtime's identity hash).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => _hash;
}
