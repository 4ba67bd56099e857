namespace Safeguarding.Rules.Benchmarks.Baselines;

/// <summary>The per-interview record of the Microsoft RulesEngine baseline (an interview started by the as-of instant).</summary>
public sealed class InterviewInput
{
    /// <summary>The detention's id.</summary>
    public required string Id { get; init; }

    /// <summary>Whether the detained person is a juvenile.</summary>
    public bool Juvenile { get; init; }

    /// <summary>Whether an appropriate adult was present.</summary>
    public bool AppropriateAdultPresent { get; init; }

    /// <summary>Whether an urgent interview was authorised.</summary>
    public bool UrgentInterviewAuthorised { get; init; }
}
