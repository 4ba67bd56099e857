using FluentAssertions;
using Safeguarding.Rules.Cli.Commands;
using Safeguarding.Rules.Cli.Input;
using Xunit;

namespace Safeguarding.Rules.Cli.Tests;

public sealed class BackgroundEngineTests
{
    [Fact]
    public async Task Start_WithWarmUp_EvaluatesAsAnEngineThatWasNotWarmedUp()
    {
        var snapshot = BuiltInSample.Create();
        var options = new EvaluationOptions { AsOf = BuiltInSample.AsOf };

        var warmed = (await BackgroundEngine.Start(logger: null, warmUp: true)).Evaluate(snapshot, options);
        var cold = (await BackgroundEngine.Start(logger: null)).Evaluate(snapshot, options);

        warmed.Findings.Should().NotBeEmpty();
        warmed.Findings.Should().Equal(cold.Findings);
        warmed.Summary.Should().BeEquivalentTo(cold.Summary);
        warmed.FiredRules.Should().Equal(cold.FiredRules);
    }
}
