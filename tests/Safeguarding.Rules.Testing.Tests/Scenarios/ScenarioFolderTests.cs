using Safeguarding.Rules.Testing.Scenarios;
using Safeguarding.Rules.Testing.Tests.Support;

namespace Safeguarding.Rules.Testing.Tests.Scenarios;

public sealed class ScenarioFolderTests
{
    // RSO-1 is Medium (interval 182) and last visited 190 days before 2018-05-01: due 2018-04-23, 8 days overdue.
    private const string Overdue8 = "  - { kind: VisitOverdue, offender: RSO-1, dueOn: 2018-04-23, daysOverdue: 8, escalateTo: OffenderManager }";

    [Fact]
    public void AssertPasses_PassingScenario_ReturnsTheResult()
    {
        using var folder = new TempFolder().With("pass.yaml", Yaml.OneOffender(190, Overdue8));

        var result = ScenarioFolder.AssertPasses(folder.Path, "pass.yaml");

        result.Passed.Should().BeTrue();
        result.Name.Should().Be("pass.yaml");
    }

    [Fact]
    public void AssertPasses_FailingScenario_ThrowsAnExceptionOfTheKitWithTheDiff()
    {
        using var folder = new TempFolder().With("fail.yaml", Yaml.OneOffender(191, Overdue8));

        var act = () => ScenarioFolder.AssertPasses(folder.Path, "fail.yaml");

        var thrown = act.Should().Throw<ScenarioFailedException>().Which;
        thrown.Result.Outcome.Should().Be(ScenarioOutcome.Failed);
        thrown.Message.Should().Be(thrown.Result.ToString()).And.StartWith("fail.yaml: failed\n  test\n")
            .And.Contain("daysOverdue (expected 8, actual 9)");
    }

    [Fact]
    public void Kit_Assembly_DoesNotReferenceAnAssertionLibraryOrTestFramework()
    {
        var references = typeof(ScenarioRunner).Assembly.GetReferencedAssemblies().Select(a => a.Name);

        references.Should().NotContain(name => name!.StartsWith("FluentAssertions", StringComparison.Ordinal)
            || name.StartsWith("xunit", StringComparison.OrdinalIgnoreCase));
    }
}
