namespace Safeguarding.Rules.Domain;

/// <summary>A unit of offender managers (contract section 1, <c>teams[]</c>).</summary>
public sealed record Team
{
    /// <summary>The team's identifier. Required and unique.</summary>
    public required string Id { get; init; }

    internal int SourceIndex { get; init; } = -1;
}
