using System.Text.Json.Nodes;
using Safeguarding.Rules.Cli.Tests.Support;

namespace Safeguarding.Rules.Cli.Tests;

/// <summary>Contract section 9: wherever a snapshot file is accepted, a CSV folder is too; <c>sample --format csv</c> writes one.</summary>
public sealed class CsvFolderCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Sample_FormatCsv_WritesAFolderThatEveryCommandReadsAsTheJson()
    {
        var json = _files.Path("sample.json");
        var folder = _files.Path("sample-csv");
        var policy = _files.Write("policy.json", """{ "firstVisitDays": 20, "caseload": { "target": 40 } }""");

        var sampleJson = CliProcess.Run("sample", "-n", "400", "--seed", "5", "--output", json);
        var sampleCsv = CliProcess.Run("sample", "-n", "400", "--seed", "5", "--format", "csv", "--output", folder);

        sampleJson.ExitCode.Should().Be(0, sampleJson.ToString());
        sampleCsv.ExitCode.Should().Be(0, sampleCsv.ToString());

        // The sample has child-protection records (no overrides by default), so the folder has their files too.
        sampleCsv.StdOutBytes.Should().BeEmpty();
        Directory.GetFiles(folder).Select(Path.GetFileName).Should().BeEquivalentTo(
            "offenders.csv", "managers.csv", "teams.csv", "visits.csv", "briefings.csv", "snapshot.csv",
            "strategy-discussions.csv", "strategy-actions.csv", "detentions.csv", "interviews.csv", "police-protections.csv");
        CliProcess.Run("validate", folder).ExitCode.Should().Be(0);
        var fromFolder = JsonNode.Parse(CliProcess.Run("evaluate", folder, "--format", "json").StdOutBytes)!.AsObject();
        var fromFile = JsonNode.Parse(CliProcess.Run("evaluate", json, "--format", "json").StdOutBytes)!.AsObject();

        // The decision record's snapshotSha256 names the input's bytes: of the folder's file map for a folder, of the
        // file for a file (contract section 8), so it alone differs; every other value, the other hashes included, is equal.
        var folderRecord = fromFolder["record"]!.AsObject();
        var fileRecord = fromFile["record"]!.AsObject();
        folderRecord["snapshotSha256"]!.GetValue<string>().Should().NotBe(fileRecord["snapshotSha256"]!.GetValue<string>());
        folderRecord.Remove("snapshotSha256");
        fileRecord.Remove("snapshotSha256");
        fromFolder.ToJsonString().Should().Be(fromFile.ToJsonString());
        CliProcess.Run("impact", folder, "--policy", policy, "--format", "json").StdOutBytes.Should().Equal(CliProcess.Run("impact", json, "--policy", policy, "--format", "json").StdOutBytes);
    }

    [Fact]
    public void Validate_BadCsvFolder_ListsEveryProblemWithFileLineAndColumn()
    {
        var folder = _files.Path("bad");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "offenders.csv"), "id,riskLevel,registeredOn\r\nA,Severe,2015-03-02\r\nB,Low\r\n");
        File.WriteAllText(Path.Combine(folder, "visits.csv"), "offenderId,date\r\nA,2018-01-01\r\n");

        var result = CliProcess.Run("validate", folder);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Should().Contain("offenders.csv:2:2: offenders[0] (id A) riskLevel")
            .And.Contain("offenders.csv:3:3: offenders[1] $: has 2 cells; the header has 3")
            .And.Contain("visits.csv:1:3: visits outcome: is a required column");
        result.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Evaluate_PartialResultsFromACsvFolder_RejectedEntriesHaveFileLineAndColumn()
    {
        var folder = _files.Path("partial");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "offenders.csv"), "id,riskLevel,registeredOn\r\nA,Severe,2015-03-02\r\nB,Low,2015-03-02\r\n");

        var result = CliProcess.Run("evaluate", folder, "--allow-invalid", "--format", "json", "--as-of", "2018-05-01");

        result.ExitCode.Should().NotBe(2, result.ToString());
        var rejected = Json.Parse(result.StdOutBytes).GetProperty("rejected")[0];
        rejected.Str("file").Should().Be("offenders.csv");
        rejected.Int("line").Should().Be(2);
        rejected.Int("column").Should().Be(2);
    }

    [Fact]
    public void ExplainAndVerify_ACsvFolder_AreReadAsTheSnapshotAndTheirHelpSaysSo()
    {
        var folder = _files.Path("force");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "offenders.csv"), "id,riskLevel,registeredOn\nRSO-1,High,2015-03-02\n");
        File.WriteAllText(Path.Combine(folder, "snapshot.csv"), "schemaVersion,asOf,extractedAt\n1,2018-05-01,\n");
        var findings = _files.Path("findings.json");

        var evaluate = CliProcess.Run("evaluate", folder, "--format", "json", "--output", findings);
        var verify = CliProcess.Run("verify", findings, folder);
        var explain = CliProcess.Run("explain", folder, "--offender", "RSO-1");

        evaluate.ExitCode.Should().Be(0, evaluate.ToString());
        verify.ExitCode.Should().Be(0, verify.ToString());
        explain.ExitCode.Should().Be(0, explain.ToString());
        explain.StdOut.Should().Contain("Explanation for offender RSO-1 as of 2018-05-01");
        foreach (var command in new[] { "explain", "verify" })
        {
            CliProcess.Run(command, "--help").StdOut.Should().Contain("folder of CSV files", "{0} reads a folder wherever it reads a snapshot file (contract section 9)", command);
        }
    }

    [Fact]
    public void Sample_FormatCsvWithoutOutput_Exits2()
    {
        var result = CliProcess.Run("sample", "-n", "10", "--format", "csv");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdErr.Should().Contain("--output DIR");
        result.ShouldHaveNoStackTrace();
    }
}
