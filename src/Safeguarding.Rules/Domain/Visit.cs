namespace Safeguarding.Rules.Domain;

/// <summary>A home visit (contract section 1, <c>visits[]</c>).</summary>
public sealed record Visit
{
    /// <summary>The offender visited. Required; must name an offender in the snapshot.</summary>
    public required string OffenderId { get; init; }

    /// <summary>The date of the visit. Required.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The outcome. Required.</summary>
    public required VisitOutcome Outcome { get; init; }

    /// <summary>Whether the visit was announced in advance, when recorded.</summary>
    public bool? Announced { get; init; }

    /// <summary>The visit's index in the input's <c>visits</c> array; set again when the array was read in two parts.</summary>
    internal int SourceIndex { get; set; } = -1;
}
