using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Facts;

/// <summary>The working fact for one action of a strategy discussion held by the as-of date (contract section 6).</summary>
public sealed class StrategyActionCase
{
    private readonly int _hash = FactHash.Next();

    internal StrategyActionCase()
    {
    }

    /// <summary>The discussion's identifier.</summary>
    public string DiscussionId { get; internal set; } = string.Empty;

    /// <summary>The action's identifier within its discussion.</summary>
    public string ActionId { get; internal set; } = string.Empty;

    /// <summary>The discussion's team, when recorded.</summary>
    public string? TeamId { get; internal set; }

    /// <summary>The agency that owns the action.</summary>
    public ActionOwner Owner { get; internal set; }

    /// <summary>The date the action is due.</summary>
    public DateOnly DueOn { get; internal set; }

    /// <summary>The date the action was completed, when it was by the as-of date.</summary>
    public DateOnly? CompletedOn { get; internal set; }

    /// <summary>The evaluation date.</summary>
    public DateOnly AsOf { get; internal set; }

    /// <summary>Facts are identified by reference: two facts are the same fact only if they are the same object.</summary>
    /// <param name="obj">The other object.</param>
    /// <returns>Whether <paramref name="obj"/> is this fact.</returns>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <summary>A hash code fixed at creation (cheaper for the engine's working memory than the runtime's identity hash).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => _hash;
}
