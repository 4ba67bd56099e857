namespace Safeguarding.Rules.Benchmarks.Baselines;

/// <summary>The per-action record of the Microsoft RulesEngine baseline (an action of a discussion held by the as-of date).</summary>
public sealed class ActionInput
{
    /// <summary>The discussion's id and the action's, joined by <c>/</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The discussion's team, when given.</summary>
    public string? TeamId { get; init; }

    /// <summary>Whether the police own the action.</summary>
    public bool Police { get; init; }

    /// <summary>Whether the action was completed by the as-of date.</summary>
    public bool Completed { get; init; }

    /// <summary>As-of date minus the action's due date: positive when past due.</summary>
    public int DaysPastDue { get; init; }
}
