using Safeguarding.Rules.Testing.Scenarios;
using Safeguarding.Rules.Testing.Tests.Support;

namespace Safeguarding.Rules.Testing.Tests.Scenarios;

/// <summary>The example scenarios in the repository's scenarios/ folder: one test case per file, named after it.</summary>
public sealed class ExampleScenarioTests
{
    public static IEnumerable<object[]> Files() => ScenarioFolder.TestCases(Repository.Scenarios);

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_ExampleFile_Passes(string file)
    {
        ScenarioFolder.AssertPasses(Repository.Scenarios, file);
    }

    [Fact]
    public void RunFolder_ExampleScenarios_FireEveryBuiltInRuleThatProducesAFinding()
    {
        var suite = new ScenarioRunner().RunFolder(Repository.Scenarios);

        suite.UnreadableCount.Should().Be(0, suite.ToString());
        var rules = suite.Coverage.Rules;
        rules.Where(static r => r.Rule.Tags.Contains(RuleTags.ChildProtection) && r.Rule.FindingKind != FindingKinds.DataQuality)
            .Should().HaveCount(6, "the six child-protection rules are covered too");
        rules.Where(static r => r.Rule.Tags.Contains(RuleTags.ChildProtection)).Should().HaveCount(7, "and ChildProtectionDataQuality");
        var producing = rules.Where(r => r.Rule.IsBuiltIn && r.Rule.FindingKind is not null).ToList();
        producing.Should().NotBeEmpty();
        producing.Where(r => !r.Fired).Select(r => r.Rule.Name).Should().BeEmpty(suite.Coverage.ToString());
        rules.Where(static r => !r.Fired).Select(static r => r.Rule.Name).Should().BeEmpty("every built-in rule, the intermediate VisitOverdue too, has an example");
    }

    [Fact]
    public void ExampleScenarios_ExpectEveryFindingKindOfTheContract()
    {
        var expected = ScenarioRunner.FindScenarioFiles(Repository.Scenarios)
            .Select(file => ScenarioFile.Load(Path.Combine(Repository.Scenarios, file)))
            .Where(loaded => loaded.IsValid)
            .SelectMany(loaded => loaded.Scenario!.Expectations)
            .Where(e => !e.None)
            .Select(e => e.Kind)
            .Distinct();

        expected.Should().BeEquivalentTo(FindingKinds.All, "every kind of the contract, the six child-protection kinds included, is expected by some example");
    }
}
