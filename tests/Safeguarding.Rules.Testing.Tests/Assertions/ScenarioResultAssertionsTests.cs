using Safeguarding.Rules.Testing.Scenarios;
using Safeguarding.Rules.Testing.Tests.Support;

namespace Safeguarding.Rules.Testing.Tests.Assertions;

public sealed class ScenarioResultAssertionsTests
{
    private static readonly ScenarioRunner Runner = new();

    // RSO-1 is Medium (interval 182) and last visited 190 days before 2018-05-01: due 2018-04-23, 8 days overdue.
    private const string Overdue8 = "  - { kind: VisitOverdue, offender: RSO-1, dueOn: 2018-04-23, daysOverdue: 8, escalateTo: OffenderManager }";

    [Fact]
    public void Pass_PassingScenario_Passes()
    {
        var result = Runner.Run(Yaml.Valid(Yaml.OneOffender(190, Overdue8)));

        var act = () => result.Should().Pass();

        act.Should().NotThrow();
    }

    [Fact]
    public void Pass_FailingScenario_ThrowsWithTheDiff()
    {
        var result = Runner.Run(Yaml.Valid(Yaml.OneOffender(191, Overdue8)));

        var act = () => result.Should().Pass();

        act.Should().Throw<Xunit.Sdk.XunitException>().Which.Message.Should()
            .Be("Expected scenario test.yaml to pass, but it failed:" + result.ToString()["test.yaml: failed".Length..])
            .And.Contain("\n  test\n  VisitOverdue: 0 missing, 0 unexpected, 1 differing\n")
            .And.Contain("daysOverdue (expected 8, actual 9)");
    }
}
