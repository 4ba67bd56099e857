namespace Safeguarding.Rules.Findings;

/// <summary>Which fields count when two findings about the same subject are compared (<see cref="FindingSchema.Differences"/>).</summary>
public enum FindingComparison
{
    /// <summary>Every field of the kind: impact analysis of two policies over the same day.</summary>
    EveryField,

    /// <summary>
    /// The kind's fields except the counters that move with time alone (contract section 7): a run compared with an
    /// earlier one.
    /// </summary>
    SinceEarlierRun,
}
