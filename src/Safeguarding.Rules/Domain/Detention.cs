namespace Safeguarding.Rules.Domain;

/// <summary>A detention in police custody (contract section 6, <c>detentions[]</c>).</summary>
public sealed record Detention
{
    /// <summary>The custody record's identifier. Required and unique.</summary>
    public required string Id { get; init; }

    /// <summary>The custody suite. Required.</summary>
    public required string CustodySuiteId { get; init; }

    /// <summary>Whether the detained person is a juvenile (under 18), who must have an appropriate adult. Required.</summary>
    public required bool Juvenile { get; init; }

    /// <summary>When detention was authorised. Required.</summary>
    public required DateTimeOffset AuthorisedAt { get; init; }

    /// <summary>When the appropriate adult arrived, when they have.</summary>
    public DateTimeOffset? AppropriateAdultArrivedAt { get; init; }

    /// <summary>When the detained person was released, when they have been.</summary>
    public DateTimeOffset? ReleasedAt { get; init; }

    /// <summary>The interviews; <see langword="null"/> is taken as none.</summary>
    public IReadOnlyList<Interview> Interviews { get; init => field = value ?? []; } = [];

    internal int SourceIndex { get; init; } = -1;
}
