using Safeguarding.Rules.Cli.Tests.Support;

namespace Safeguarding.Rules.Cli.Tests;

public sealed class RulesCommandTests
{
    [Fact]
    public void Rules_Json_ListsTheEnginesCatalogue()
    {
        var catalogue = new SafeguardingEngine().Rules;

        var result = CliProcess.Run("rules", "--format", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        var rules = Json.Parse(result.StdOutBytes).GetProperty("rules").EnumerateArray().ToList();
        rules.Select(static r => r.Str("name")).Should().Equal(catalogue.Select(static r => r.Name));
        for (var i = 0; i < catalogue.Count; i++)
        {
            rules[i].Str("description").Should().Be(catalogue[i].Description);
            rules[i].GetProperty("tags").EnumerateArray().Select(static t => t.GetString()).Should().Equal(catalogue[i].Tags);
            (rules[i].Has("findingKind") ? rules[i].Str("findingKind") : null).Should().Be(catalogue[i].FindingKind);
            rules[i].GetProperty("builtIn").GetBoolean().Should().Be(catalogue[i].IsBuiltIn);
        }
    }

    [Fact]
    public void Rules_Table_HasOneLinePerRule()
    {
        var catalogue = new SafeguardingEngine().Rules;

        var result = CliProcess.Run("rules");

        result.ExitCode.Should().Be(0, result.ToString());
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("Rule").And.Contain("Finding kind").And.Contain("Tags").And.Contain("Description");
        lines.Skip(1).Select(static l => l.Split(' ')[0]).Should().Equal(catalogue.Select(static r => r.Name));
    }

    [Fact]
    public void Rules_WithPolicy_DescriptionsShowThatPolicysValues()
    {
        using var files = new TempFiles();
        var policy = files.Write("policy.json", """{ "caseload": { "target": 60, "critical": 80 } }""");

        var table = CliProcess.Run("rules", "--policy", policy);
        var json = CliProcess.Run("rules", "--policy", policy, "--format", "json");

        table.ExitCode.Should().Be(0, table.ToString());
        json.ExitCode.Should().Be(0, json.ToString());
        var rules = Json.Parse(json.StdOutBytes).GetProperty("rules").EnumerateArray().ToList();
        rules.Single(static r => r.Str("name") == RuleNames.CaseloadAboveTarget).Str("description").Should().Contain("above 60 (caseload.target)").And.NotContain("50");
        rules.Single(static r => r.Str("name") == RuleNames.CaseloadCritical).Str("description").Should().Contain("above 80 (caseload.critical)");
    }

    [Fact]
    public void Rules_InvalidPolicy_ExitsTwoNamingTheProperty()
    {
        using var files = new TempFiles();
        var policy = files.Write("policy.json", """{ "caseload": { "target": 0 } }""");

        var result = CliProcess.Run("rules", "--policy", policy);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdErr.Should().Contain("caseload.target");
    }
}
