using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Testing.Scenarios;

namespace Safeguarding.Rules.Tests.Readme;

/// <summary>
/// The README's JSON and YAML examples that stand for inputs are read by the library's own readers, and the outputs
/// shown for them are what it writes: the overrides worked example (an <c>overrides</c> array, and the suppressed
/// finding it gives) and the two scenario files (each read and run by the kit's runner, and passing). The CLI's
/// examples (the nightly run's <c>changes</c>, <c>verify</c>'s <c>record</c>, <c>explain</c>'s child-protection
/// snapshot) are checked by the CLI's tests.
/// </summary>
public sealed class ReadmeJsonAndYamlTests
{
    private static readonly JsonDocumentOptions Fragment = new() { AllowTrailingCommas = true };

    [Fact]
    public void Readme_OverridesExample_IsReadAndSuppressesWhatTheReadmeShows()
    {
        // The worked example: as of 2018-05-01, RSO-1 and RSO-2 (High risk) were last visited 2018-01-21, so each visit
        // was due 2018-04-22 and is 9 days overdue; both are unallocated, as the suppressed finding (no managerId) shows.
        var snapshot = JsonNode.Parse("""
            {
              "schemaVersion": 1, "asOf": "2018-05-01", "managers": [],
              "offenders": [
                { "id": "RSO-1", "riskLevel": "High", "registeredOn": "2015-03-02", "riskAssessedOn": "2018-04-01" },
                { "id": "RSO-2", "riskLevel": "High", "registeredOn": "2015-03-02", "riskAssessedOn": "2018-04-01" }
              ],
              "visits": [
                { "offenderId": "RSO-1", "date": "2018-01-21", "outcome": "Completed" },
                { "offenderId": "RSO-2", "date": "2018-01-21", "outcome": "Completed" }
              ]
            }
            """)!.AsObject();
        snapshot["overrides"] = JsonNode.Parse("{" + ReadmeBlocks.Named("overrides-array") + "}", documentOptions: Fragment)!["overrides"]!.DeepClone();

        var read = SnapshotJson.Read(Encoding.UTF8.GetBytes(snapshot.ToJsonString()));
        read.Problems.Should().BeEmpty("the README's overrides are valid snapshot records");
        var report = new SafeguardingEngine().Evaluate(read);
        report.Problems.Should().BeEmpty();
        var written = new MemoryStream();
        FindingsJson.Write(report, written);
        var document = JsonNode.Parse(written.ToArray())!;

        var shown = JsonNode.Parse("{" + ReadmeBlocks.Named("overrides-suppressed") + "}", documentOptions: Fragment)!["suppressed"]!.AsArray();
        var suppressed = document["suppressed"]!.AsArray();
        suppressed.Should().HaveSameCount(shown);
        for (var i = 0; i < shown.Count; i++)
        {
            foreach (var (name, value) in shown[i]!.AsObject())
            {
                var actual = suppressed[i]![name];
                if (name == "reason" && value!.GetValue<string>().EndsWith("...", StringComparison.Ordinal))
                {
                    actual!.GetValue<string>().Should().StartWith(value.GetValue<string>()[..^3], "the README shortens the reason, not changes it");
                }
                else
                {
                    JsonNode.DeepEquals(value, actual).Should().BeTrue("the README's suppressed[{0}].{1} is what is written: {2}", i, name, actual?.ToJsonString());
                }
            }
        }

        document["summary"]!["suppressed"]!.GetValue<int>().Should().Be(1);
        document["findings"]!.AsArray().Should().ContainSingle(f => f!["id"]!.GetValue<string>() == "VisitOverdue:RSO-2")
            .Which!["overrideExpiredOn"]!.GetValue<string>().Should().Be("2018-04-30", "OV-8 ended the day before");
    }

    [Fact]
    public void Readme_EscalationScenario_IsTheFileItNamesAndPasses()
    {
        var yaml = ReadmeBlocks.Named("scenario-escalation");
        var firstLine = yaml.IndexOf('\n', StringComparison.Ordinal);
        var named = yaml[2..firstLine];

        named.Should().Be("scenarios/escalation/high-risk-7-vs-8-days.yaml");
        var file = Path.Combine(RepositoryRoot(), named);
        File.ReadAllText(file).ReplaceLineEndings("\n").Should().Be(yaml[(firstLine + 1)..], "the README shows {0} as it is, after a comment naming it", named);
        RunScenario(yaml);
    }

    [Fact]
    public void Readme_ChildProtectionScenario_IsReadAndPasses() => RunScenario(ReadmeBlocks.Named("scenario-child-protection"));

    private static void RunScenario(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), "readme-scenario-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, yaml);
        try
        {
            var result = new ScenarioRunner().RunFile(path);
            result.Problems.Should().BeEmpty();
            result.Passed.Should().BeTrue(string.Join('\n', result.Errors.Concat(result.Differences.Select(d => d.ToString()))));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Safeguarding.Rules.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Safeguarding.Rules.sln was not found above " + AppContext.BaseDirectory);
    }
}
