namespace Safeguarding.Rules.Benchmarks.Baselines;

/// <summary>
/// The flat per-offender record a Microsoft RulesEngine workflow sees, prepared in plain C# as the engine prepares its facts:
/// dates already reduced to day counts relative to the as-of date.
/// </summary>
public sealed class OffenderInput
{
    /// <summary>The offender's id.</summary>
    public required string Id { get; init; }

    /// <summary>The offender's manager; <see langword="null"/> when unallocated.</summary>
    public string? ManagerId { get; init; }

    /// <summary>The manager's team; <see langword="null"/> when unallocated or the manager has none.</summary>
    public string? TeamId { get; init; }

    /// <summary>The risk level's name: <c>Low</c>, <c>Medium</c>, <c>High</c> or <c>VeryHigh</c>.</summary>
    public required string Risk { get; init; }

    /// <summary>Whether the offender is in custody.</summary>
    public bool InCustody { get; init; }

    /// <summary>Whether the offender is under reactive management.</summary>
    public bool ReactiveManagement { get; init; }

    /// <summary>Whether the offender needs home visits (not in custody, and not Low risk under reactive management).</summary>
    public bool NeedsVisits { get; init; }

    /// <summary>The visit due date.</summary>
    public DateOnly DueOn { get; init; }

    /// <summary>As-of date minus due date: positive when overdue, zero or negative when not.</summary>
    public int DaysOverdue { get; init; }

    /// <summary><c>NoAccess</c> visits after the latest <c>Completed</c> visit (all of them when there is none).</summary>
    public int NoAccessVisits { get; init; }

    /// <summary>The caseload of the offender's manager; zero when unallocated.</summary>
    public int ManagerCaseload { get; init; }

    /// <summary>As-of date minus the risk review due date.</summary>
    public int DaysPastRiskReviewDue { get; init; }

    /// <summary>The offender's neighbourhood; <see langword="null"/> when none.</summary>
    public string? NeighbourhoodId { get; init; }

    /// <summary>As-of date minus the neighbourhood briefing reference date.</summary>
    public int DaysSinceBriefingReference { get; init; }

    /// <summary>Whether a briefing for the offender's neighbourhood is dated on or after the reference date.</summary>
    public bool BriefedSinceReference { get; init; }
}
