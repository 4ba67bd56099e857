namespace Safeguarding.Rules.Domain;

/// <summary>A multi-agency strategy discussion about a child (contract section 6, <c>strategyDiscussions[]</c>).</summary>
public sealed record StrategyDiscussion
{
    /// <summary>The discussion's identifier. Required and unique.</summary>
    public required string Id { get; init; }

    /// <summary>The team responsible, when recorded; when the snapshot lists teams, it must name one.</summary>
    public string? TeamId { get; init; }

    /// <summary>The date the discussion was held. Required.</summary>
    public required DateOnly HeldOn { get; init; }

    /// <summary>The date its outcome was recorded, when it has been; never before <see cref="HeldOn"/>.</summary>
    public DateOnly? OutcomeRecordedOn { get; init; }

    /// <summary>The joint actions agreed; <see langword="null"/> is taken as none.</summary>
    public IReadOnlyList<StrategyAction> Actions { get; init => field = value ?? []; } = [];

    internal int SourceIndex { get; init; } = -1;
}
