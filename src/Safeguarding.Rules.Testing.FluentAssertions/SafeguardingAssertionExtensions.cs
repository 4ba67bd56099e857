using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Testing.Scenarios;

namespace Safeguarding.Rules.Testing;

/// <summary>The entry points of the kit's FluentAssertions assertions: <c>report.Should()</c> and <c>result.Should()</c>.</summary>
public static class SafeguardingAssertionExtensions
{
    /// <summary>Assertions on an evaluation report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The assertions.</returns>
    public static EvaluationReportAssertions Should(this EvaluationReport report) => new(report);

    /// <summary>Assertions on a scenario file's result.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The assertions.</returns>
    public static ScenarioResultAssertions Should(this ScenarioResult result) => new(result);
}
