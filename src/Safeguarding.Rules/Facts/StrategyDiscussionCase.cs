using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Facts;

/// <summary>The working fact for one strategy discussion held by the as-of date (contract section 6), with its outcome deadline worked out.</summary>
public sealed class StrategyDiscussionCase
{
    private readonly int _hash = FactHash.Next();

    internal StrategyDiscussionCase()
    {
    }

    /// <summary>The discussion's identifier.</summary>
    public string DiscussionId { get; internal set; } = string.Empty;

    /// <summary>The team responsible, when recorded.</summary>
    public string? TeamId { get; internal set; }

    /// <summary>The date the discussion was held.</summary>
    public DateOnly HeldOn { get; internal set; }

    /// <summary>The date by which the outcome must be recorded; <see langword="null"/> beyond the calendar.</summary>
    public DateOnly? DueOn { get; internal set; }

    /// <summary>The date the outcome was recorded, when it was by the as-of date.</summary>
    public DateOnly? OutcomeRecordedOn { get; internal set; }

    /// <summary>The evaluation date.</summary>
    public DateOnly AsOf { get; internal set; }

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
