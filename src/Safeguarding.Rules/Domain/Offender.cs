namespace Safeguarding.Rules.Domain;

/// <summary>A registered sex offender on the caseload (contract section 1, <c>offenders[]</c>).</summary>
/// <remarks>The library holds identifiers, dates and flags only: never names, addresses or offence details.</remarks>
public sealed record Offender
{
    /// <summary>The offender's identifier. Required and unique.</summary>
    public required string Id { get; init; }

    /// <summary>The offender manager, or <see langword="null"/> when the offender is unallocated.</summary>
    public string? ManagerId { get; init; }

    /// <summary>The neighbourhood policing area the offender lives in, when known.</summary>
    public string? NeighbourhoodId { get; init; }

    /// <summary>The current risk level. Required.</summary>
    public required RiskLevel RiskLevel { get; init; }

    /// <summary>The date of the latest risk assessment, when there has been one.</summary>
    public DateOnly? RiskAssessedOn { get; init; }

    /// <summary>The date the offender became subject to notification requirements. Required.</summary>
    public required DateOnly RegisteredOn { get; init; }

    /// <summary>The date of the latest release from custody, when there has been one.</summary>
    public DateOnly? ReleasedOn { get; init; }

    /// <summary>Whether the offender is in custody now. In custody no visit is required and the offender is not in any caseload. Default <see langword="false"/>.</summary>
    public bool InCustody { get; init; }

    /// <summary>Whether the offender is under reactive management (no home visits; only valid for Low risk). Default <see langword="false"/>.</summary>
    public bool ReactiveManagement { get; init; }

    /// <summary>The risk management plan's own visit interval in days (1-730); it beats every policy interval. <see langword="null"/> to use the policy's interval for the risk level.</summary>
    public int? VisitIntervalDays { get; init; }

    /// <summary>The MAPPA management level (1-3), when recorded.</summary>
    public int? MappaLevel { get; init; }

    /// <summary>The date the offender moved into <see cref="NeighbourhoodId"/>, when recorded.</summary>
    public DateOnly? MovedIntoNeighbourhoodOn { get; init; }

    internal int SourceIndex { get; init; } = -1;
}
