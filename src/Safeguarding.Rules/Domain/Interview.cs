namespace Safeguarding.Rules.Domain;

/// <summary>An interview of a detained person (contract section 6, <c>detentions[].interviews[]</c>).</summary>
public sealed record Interview
{
    /// <summary>When the interview started. Required; never before the detention was authorised.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Whether an appropriate adult was present. Required.</summary>
    public required bool AppropriateAdultPresent { get; init; }

    /// <summary>Whether an urgent interview without an appropriate adult was authorised. Default <see langword="false"/>.</summary>
    public bool UrgentInterviewAuthorised { get; init; }
}
