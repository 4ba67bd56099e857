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

    /// <summary>Asserts that the scenario passed; the failure message is the result's diff (or the file's problems).</summary>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<ScenarioResultAssertions> Pass()
    {
        Execute.Assertion
            .ForCondition(Subject is { Passed: true })
            .FailWith(AssertionText.Escape(Subject is null ? "Expected a scenario result, but found <null>." : Subject.ToString()));
        return new AndConstraint<ScenarioResultAssertions>(this);
    }
}
