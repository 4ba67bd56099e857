namespace Safeguarding.Rules.Domain;

/// <summary>A joint action agreed at a strategy discussion (contract section 6, <c>strategyDiscussions[].actions[]</c>).</summary>
public sealed record StrategyAction
{
    /// <summary>The action's identifier, unique within its discussion. Required.</summary>
    public required string Id { get; init; }

    /// <summary>The agency that owns the action. Required.</summary>
    public required ActionOwner Owner { get; init; }

    /// <summary>The date the action is due. Required.</summary>
    public required DateOnly DueOn { get; init; }

    /// <summary>The date the action was completed, when it has been.</summary>
    public DateOnly? CompletedOn { get; init; }
}
