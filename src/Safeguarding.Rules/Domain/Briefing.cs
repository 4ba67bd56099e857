namespace Safeguarding.Rules.Domain;

/// <summary>A briefing given to a neighbourhood policing team about an offender living on its patch (contract section 1, <c>briefings[]</c>).</summary>
public sealed record Briefing
{
    /// <summary>The offender the briefing was about. Required; must name an offender in the snapshot.</summary>
    public required string OffenderId { get; init; }

    /// <summary>The neighbourhood whose team was briefed. Required.</summary>
    public required string NeighbourhoodId { get; init; }

    /// <summary>The date of the briefing. Required.</summary>
    public required DateOnly Date { get; init; }

    internal int SourceIndex { get; init; } = -1;
}
