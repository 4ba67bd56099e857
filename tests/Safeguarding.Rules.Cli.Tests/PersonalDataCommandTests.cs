using System.Text;
using Safeguarding.Rules.Cli.Tests.Support;
using Safeguarding.Rules.Tests.Privacy;
using static Safeguarding.Rules.Tests.Privacy.PersonalData;

namespace Safeguarding.Rules.Cli.Tests;

/// <summary>
/// Personal data never reaches the CLI's output: the sentinels planted in unknown members and extra CSV columns, as invalid
/// values, as the token at fault in a malformed file, in a policy file and in an earlier findings document go through every
/// command and format, and neither stdout nor stderr holds them or a part of them.
/// </summary>
public sealed class PersonalDataCommandTests
{
    private const string ProposedPolicy = """{ "version": "proposed", "visitIntervalDays": { "high": 30 } }""";

    public static TheoryData<string> Inputs => new()
    {
        "json:" + nameof(SentinelDocuments.ValidWithExtras),
        "json:" + nameof(SentinelDocuments.InvalidValues),
        "json:" + nameof(SentinelDocuments.InvalidDocumentValues),
        "csv:valid",
        "csv:invalid",
        "csv:document",
    };

    public static TheoryData<int> MalformedSnapshots => new(Enumerable.Range(0, SentinelDocuments.Malformed.Count));

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Snapshot_EveryCommandAndFormat_PrintsNoPersonalData(string input)
    {
        using var files = new TempFiles();
        var snapshot = Prepare(files, input);
        var proposed = files.Write("proposed.json", ProposedPolicy);
        var runs = new List<(string Command, CliResult Result)>();

        runs.Add(Run("validate", snapshot));
        foreach (var format in new[] { "table", "json", "csv" })
        {
            runs.Add(Run("evaluate", snapshot, "--format", format));
            runs.Add(Run("evaluate", snapshot, "--format", format, "--allow-invalid"));
            runs.Add(Run("evaluate", snapshot, "--format", format, "--allow-invalid", "--as-of", "2018-06-30"));
        }

        foreach (var subject in new[] { "--offender=RSO-1001", "--offender=RSO-1004", "--manager=OM-4", "--team=T-SOUTH", "--discussion=SD-0412", "--detention=CUS-00931", "--protection=PP-0077" })
        {
            runs.Add(Run("explain", snapshot, subject));
            runs.Add(Run("explain", snapshot, subject, "--format", "json"));
        }

        runs.Add(Run("impact", snapshot, "--policy", proposed));
        runs.Add(Run("impact", snapshot, "--policy", proposed, "--format", "json"));
        var findings = files.Path("findings.json");
        var evaluated = Run("evaluate", snapshot, "--format", "json", "--allow-invalid", "--output", findings);
        runs.Add(evaluated);
        if (evaluated.Result.ExitCode == 0)
        {
            runs.Add(Run("verify", findings, snapshot));
            runs.Add(Run("evaluate", snapshot, "--since", findings, "--allow-invalid"));
            runs.Add(("findings.json", new CliResult(0, File.ReadAllBytes(findings), string.Empty)));
        }

        if (input.StartsWith("json:", StringComparison.Ordinal))
        {
            var bytes = File.ReadAllBytes(snapshot);
            runs.Add(("evaluate - (stdin)", CliProcess.RunWithInput(bytes, "evaluate", "-", "--allow-invalid", "--format", "json")));
            runs.Add(("validate - (stdin)", CliProcess.RunWithInput(bytes, "validate", "-")));
        }

        ShouldPrintNoPersonalData(runs, input);
        if (input is "json:" + nameof(SentinelDocuments.ValidWithExtras) or "csv:valid")
        {
            runs.Where(static r => !r.Command.Contains("RSO-1004", StringComparison.Ordinal)).Should().OnlyContain(
                static r => r.Result.ExitCode == 0, "unknown members and columns are ignored, so every command runs (RSO-1004 is only in the invalid inputs)");
        }
    }

    [Theory]
    [MemberData(nameof(MalformedSnapshots))]
    public void MalformedSnapshot_EveryCommand_NamesThePositionNotTheToken(int index)
    {
        using var files = new TempFiles();
        var snapshot = files.Write("malformed.json", SentinelDocuments.Malformed[index]);
        var proposed = files.Write("proposed.json", ProposedPolicy);

        var runs = new List<(string Command, CliResult Result)>
        {
            Run("validate", snapshot),
            Run("evaluate", snapshot, "--allow-invalid", "--format", "json"),
            Run("evaluate", snapshot, "--format", "csv"),
            Run("explain", snapshot, "--offender", "R1"),
            Run("impact", snapshot, "--policy", proposed),
            ("evaluate - (stdin)", CliProcess.RunWithInput(Encoding.UTF8.GetBytes(SentinelDocuments.Malformed[index]), "evaluate", "-")),
        };

        ShouldPrintNoPersonalData(runs, "malformed snapshot " + index);
        runs.Should().OnlyContain(r => r.Result.ExitCode == 2, "a malformed snapshot is bad input");
    }

    [Fact]
    public void Policy_WithPersonalDataAsItsValues_EveryCommandNamesThePropertyOnly()
    {
        using var files = new TempFiles();
        var snapshot = files.Write("snapshot.json", SentinelDocuments.ValidWithExtras);
        var good = files.Write("proposed.json", ProposedPolicy);
        var policies = new[] { SentinelDocuments.InvalidPolicy }.Concat(SentinelDocuments.MalformedPolicies).Select((text, i) => files.Write("policy" + i + ".json", text)).ToList();
        var findings = files.Path("findings.json");
        Run("evaluate", snapshot, "--format", "json", "--output", findings).Result.ExitCode.Should().Be(0);
        var runs = new List<(string Command, CliResult Result)>();

        foreach (var policy in policies)
        {
            runs.Add(Run("validate", snapshot, "--policy", policy));
            runs.Add(Run("policy", "--policy", policy));
            runs.Add(Run("rules", "--policy", policy));
            runs.Add(Run("rules", "--policy", policy, "--format", "json"));
            foreach (var format in new[] { "table", "json", "csv" })
            {
                runs.Add(Run("evaluate", snapshot, "--policy", policy, "--format", format));
            }

            runs.Add(Run("explain", snapshot, "--offender", "RSO-1001", "--policy", policy));
            runs.Add(Run("impact", snapshot, "--policy", policy));
            runs.Add(Run("impact", snapshot, "--policy", good, "--baseline", policy));
            runs.Add(Run("verify", findings, snapshot, "--policy", policy));
        }

        ShouldPrintNoPersonalData(runs, "policy files");
        runs.Where(r => r.Command != "rules" && !r.Command.StartsWith("verify", StringComparison.Ordinal)).Should().OnlyContain(r => r.Result.ExitCode == 2, "an invalid policy is bad input");
    }

    [Fact]
    public void EarlierFindings_WithPersonalDataInExtraMembersAndBadValues_SinceAndVerifyPrintNone()
    {
        using var files = new TempFiles();
        var snapshot = files.Write("snapshot.json", SentinelDocuments.ValidWithExtras);
        var findings = files.Path("findings.json");
        Run("evaluate", snapshot, "--format", "json", "--output", findings).Result.ExitCode.Should().Be(0);
        var written = File.ReadAllText(findings);
        var earlier = files.Write("earlier.json", SentinelDocuments.EarlierFindings(written));
        var broken = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(earlier))!;
        broken["findings"]![0]!["offenderId"] = new System.Text.Json.Nodes.JsonObject { ["name"] = Person };
        broken["findings"]![1]!["kind"] = new System.Text.Json.Nodes.JsonArray(Offence);
        broken["schemaVersion"] = Person;
        var documents = new[]
        {
            earlier,
            files.Write("broken.json", broken.ToJsonString()),
            files.Write("truncated.json", written[..^3] + Person),
            files.Write("bare-word.json", written.Replace("\"default\"", Offence, StringComparison.Ordinal)),
        };
        var runs = new List<(string Command, CliResult Result)>();

        foreach (var document in documents)
        {
            foreach (var format in new[] { "table", "json", "csv" })
            {
                runs.Add(Run("evaluate", snapshot, "--since", document, "--format", format));
            }

            runs.Add(Run("verify", document, snapshot));
        }

        ShouldPrintNoPersonalData(runs, "earlier findings documents");
        runs[0].Result.ExitCode.Should().Be(0, "extra members and bad values of fields that identify nothing are ignored");
        runs[3].Result.ExitCode.Should().Be(1, "the document was changed");
        runs.Skip(4).Where(r => r.Command.StartsWith("evaluate", StringComparison.Ordinal)).Should().OnlyContain(r => r.Result.ExitCode == 2);
    }

    [Fact]
    public void ScenarioFiles_WithPersonalDataAsValues_TestPrintsNone()
    {
        using var files = new TempFiles();
        var folder = Path.Combine(files.Folder, "scenarios");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "values.yaml"), $$"""
            description: an offender whose values are personal data
            asOf: 2018-05-01
            given:
              managers: [ { id: OM-1, team: T-1 } ]
              offenders:
                - { id: RSO-1, risk: "{{Person}}", manager: OM-1, inCustody: {{Offence}}, riskAssessedDaysAgo: {{Offence}} }
            expect: [ { kind: VisitOverdue, offender: RSO-1, escalateTo: "{{Person}}" } ]
            """);
        File.WriteAllText(Path.Combine(folder, "unclosed.yaml"), $$"""
            description: x
            asOf: 2018-05-01
            given:
              offenders:
                - { id: RSO-1, risk: High, registeredDaysAgo: "{{Person}}
            expect: []
            """);

        var runs = new List<(string Command, CliResult Result)> { Run("test", folder) };

        ShouldPrintNoPersonalData(runs, "scenario files");
    }

    private static string Prepare(TempFiles files, string input)
    {
        var (kind, name) = (input[..input.IndexOf(':', StringComparison.Ordinal)], input[(input.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        if (kind == "json")
        {
            var text = name switch
            {
                nameof(SentinelDocuments.ValidWithExtras) => SentinelDocuments.ValidWithExtras,
                nameof(SentinelDocuments.InvalidValues) => SentinelDocuments.InvalidValues,
                _ => SentinelDocuments.InvalidDocumentValues,
            };
            return files.Write("snapshot.json", text);
        }

        var folder = files.Path("extract");
        Action<string> write = name switch
        {
            "valid" => SentinelFolders.WriteValid,
            "invalid" => SentinelFolders.WriteInvalid,
            _ => SentinelFolders.WriteInvalidDocument,
        };
        write(folder);
        return folder;
    }

    private static (string Command, CliResult Result) Run(params string[] args) => (string.Join(' ', args), CliProcess.Run(args));

    private static void ShouldPrintNoPersonalData(List<(string Command, CliResult Result)> runs, string what)
    {
        foreach (var (command, result) in runs)
        {
            new[] { result.StdOut, result.StdErr }.ShouldHoldNone(what + ": " + command);
            if (!command.StartsWith("verify", StringComparison.Ordinal))
            {
                result.ExitCode.Should().NotBe(1, "{0}: {1} fails only as expected", what, command);
            }
        }
    }
}
