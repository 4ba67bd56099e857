namespace Safeguarding.Rules.Benchmarks.Baselines;

/// <summary>The per-discussion record of the Microsoft RulesEngine baseline (a strategy discussion held by the as-of date).</summary>
public sealed class DiscussionInput
{
    /// <summary>The discussion's id.</summary>
    public required string Id { get; init; }

    /// <summary>The discussion's team, when given.</summary>
    public string? TeamId { get; init; }

    /// <summary>Whether the outcome was recorded by the as-of date.</summary>
    public bool OutcomeRecorded { get; init; }

    /// <summary>Whether the outcome's due date is within the calendar.</summary>
    public bool HasDueDate { get; init; }

    /// <summary>As-of date minus the outcome's due date (working days after the discussion): positive when past due.</summary>
    public int DaysPastDue { get; init; }
}
