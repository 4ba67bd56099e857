namespace Safeguarding.Rules.Testing.Scenarios;

/// <summary>How a scenario file fared.</summary>
public enum ScenarioOutcome
{
    /// <summary>Every expectation held.</summary>
    Passed = 0,

    /// <summary>The findings differ from the expectations (or the facts were not valid input).</summary>
    Failed = 1,

    /// <summary>The file could not be read as a scenario; nothing was evaluated.</summary>
    Unreadable = 2,
}
