namespace Safeguarding.Rules.Domain;

/// <summary>A child taken into police protection under section 46 of the Children Act 1989 (contract section 6, <c>policeProtections[]</c>).</summary>
public sealed record PoliceProtection
{
    /// <summary>The protection's identifier. Required and unique.</summary>
    public required string Id { get; init; }

    /// <summary>The team responsible, when recorded; when the snapshot lists teams, it must name one.</summary>
    public string? TeamId { get; init; }

    /// <summary>When the child was taken into police protection. Required.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the local authority was informed, when it has been.</summary>
    public DateTimeOffset? LocalAuthorityInformedAt { get; init; }

    /// <summary>When the protection ended, when it has.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    internal int SourceIndex { get; init; } = -1;
}
