namespace Safeguarding.Rules.Domain;

/// <summary>An offender manager (contract section 1, <c>managers[]</c>).</summary>
public sealed record Manager
{
    /// <summary>The manager's identifier. Required and unique.</summary>
    public required string Id { get; init; }

    /// <summary>The team the manager belongs to, or <see langword="null"/> when none is recorded.</summary>
    public string? TeamId { get; init; }

    internal int SourceIndex { get; init; } = -1;
}
