namespace Safeguarding.Rules.Testing.Scenarios;

/// <summary>How an actual finding differs from a scenario's expectations.</summary>
public enum FindingDifferenceKind
{
    /// <summary>An expected finding that the evaluation did not produce.</summary>
    Missing = 0,

    /// <summary>A finding of a kind the scenario names (or of any kind, when exhaustive) that no expectation accounts for.</summary>
    Unexpected = 1,

    /// <summary>A finding about the expected subject (its kind's identity fields: an offender, manager, team or child-protection record) whose fields differ from the expectation.</summary>
    Differing = 2,
}
