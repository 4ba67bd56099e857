namespace Safeguarding.Rules.Benchmarks.Baselines;

/// <summary>The per-detention record of the Microsoft RulesEngine baseline (a detention authorised by the as-of instant).</summary>
public sealed class DetentionInput
{
    /// <summary>The detention's id.</summary>
    public required string Id { get; init; }

    /// <summary>Whether the detained person is a juvenile.</summary>
    public bool Juvenile { get; init; }

    /// <summary>Whole minutes from authorisation to the appropriate adult's arrival, the release or the as-of instant, whichever is first.</summary>
    public int MinutesWaited { get; init; }
}
