using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Facts;

/// <summary>The working fact for one detention authorised by the as-of instant (contract section 6), with the wait for an appropriate adult worked out.</summary>
public sealed class DetentionCase
{
    private readonly int _hash = FactHash.Next();

    internal DetentionCase()
    {
    }

    /// <summary>The custody record's identifier.</summary>
    public string DetentionId { get; internal set; } = string.Empty;

    /// <summary>The custody suite.</summary>
    public string CustodySuiteId { get; internal set; } = string.Empty;

    /// <summary>Whether the detained person is a juvenile.</summary>
    public bool Juvenile { get; internal set; }

    /// <summary>When detention was authorised.</summary>
    public DateTimeOffset AuthorisedAt { get; internal set; }

    /// <summary>When the appropriate adult arrived, when it was by the as-of instant.</summary>
    public DateTimeOffset? AppropriateAdultArrivedAt { get; internal set; }

    /// <summary>When the detained person was released, when it was by the as-of instant.</summary>
    public DateTimeOffset? ReleasedAt { get; internal set; }

    /// <summary>Whole minutes from authorisation to the end of the wait (the arrival, the release or the as-of instant, whichever is first).</summary>
    public int MinutesWaited { get; internal set; }

    /// <summary>Whether neither the arrival nor the release is by the as-of instant.</summary>
    public bool Awaiting { get; internal set; }

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
