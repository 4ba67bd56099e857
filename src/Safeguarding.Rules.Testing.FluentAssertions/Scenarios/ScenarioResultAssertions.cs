using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;

namespace Safeguarding.Rules.Testing.Scenarios;

/// <summary>FluentAssertions assertions on a <see cref="ScenarioResult"/>, for running scenario files in any test framework.</summary>
public sealed class ScenarioResultAssertions : ReferenceTypeAssertions<ScenarioResult, ScenarioResultAssertions>
{
    /// <summary>Creates the assertions for <paramref name="result"/>.</summary>
    /// <param name="result">The result.</param>
    public ScenarioResultAssertions(ScenarioResult result)
        : base(result)
    {
    }

    /// <inheritdoc />
    protected override string Identifier => "scenario";

    /// <summary>Asserts that the scenario passed; the failure message names the scenario and gives its diff (or the file's problems).</summary>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<ScenarioResultAssertions> Pass()
    {
        Execute.Assertion
            .ForCondition(Subject is { Passed: true })
            .FailWith(AssertionText.Escape(Subject is null ? "Expected a scenario result, but found <null>." : Failure(Subject)));
        return new AndConstraint<ScenarioResultAssertions>(this);
    }

    /// <summary><c>Expected scenario NAME to pass, but it failed:</c> (or <c>could not be read:</c>) and the result's diff or problems.</summary>
    private static string Failure(ScenarioResult result)
    {
        var text = result.ToString();
        var details = text.IndexOf('\n', StringComparison.Ordinal) is var end and >= 0 ? text[end..] : string.Empty;
        var verdict = result.Outcome == ScenarioOutcome.Unreadable ? "could not be read" : "failed";
        return "Expected scenario " + result.Name + " to pass, but it " + verdict + ":" + details;
    }
}
