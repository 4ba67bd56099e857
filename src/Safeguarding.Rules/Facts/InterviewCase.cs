namespace Safeguarding.Rules.Facts;

/// <summary>The working fact for one interview started by the as-of instant, of a detention authorised by then (contract section 6).</summary>
public sealed class InterviewCase
{
    private readonly int _hash = FactHash.Next();

    internal InterviewCase()
    {
    }

    /// <summary>The detention's identifier.</summary>
    public string DetentionId { get; internal set; } = string.Empty;

    /// <summary>The detention's custody suite.</summary>
    public string CustodySuiteId { get; internal set; } = string.Empty;

    /// <summary>Whether the detained person is a juvenile.</summary>
    public bool Juvenile { get; internal set; }

    /// <summary>When the interview started.</summary>
    public DateTimeOffset StartedAt { get; internal set; }

    /// <summary>Whether an appropriate adult was present.</summary>
    public bool AppropriateAdultPresent { get; internal set; }

    /// <summary>Whether an urgent interview was authorised.</summary>
    public bool UrgentInterviewAuthorised { get; internal set; }

    /// <summary>Facts are identified by reference: two facts are the same fact only if they are the same object.</summary>
    /// <param name="obj">The other object.</param>
    /// <returns>Whether <paramref name="obj"/> is this fact.</returns>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <summary>A hash code fixed at creation (cheaper for the engine's working memory than the runtime's identity hash).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => _hash;
}
