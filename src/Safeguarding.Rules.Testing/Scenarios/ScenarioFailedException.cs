namespace Safeguarding.Rules.Testing.Scenarios;

/// <summary>
/// A scenario file did not pass: it failed or could not be read. The message is the result's text (its description and
/// the diff of expected and actual findings, or every problem with the file), so any test framework shows it as is.
/// </summary>
public sealed class ScenarioFailedException : Exception
{
    /// <summary>Creates the exception for a result that did not pass.</summary>
    /// <param name="result">The result.</param>
    public ScenarioFailedException(ScenarioResult result)
        : base((result ?? throw new ArgumentNullException(nameof(result))).ToString())
    {
        Result = result;
    }

    /// <summary>The result that did not pass.</summary>
    public ScenarioResult Result { get; }
}
