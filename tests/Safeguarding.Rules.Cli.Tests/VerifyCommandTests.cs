using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Safeguarding.Rules.Cli.Tests.Support;

namespace Safeguarding.Rules.Cli.Tests;

/// <summary><c>verify FINDINGS SNAPSHOT [--policy FILE]</c> and the decision record (contract section 8).</summary>
public sealed class VerifyCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Verify_DocumentAsWritten_Exits0()
    {
        var (findings, snapshot) = Evaluated();

        var result = CliProcess.Run("verify", findings, snapshot);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain("verified");
    }

    [Fact]
    public void Evaluate_SnapshotFile_SnapshotSha256IsOfTheFilesBytesWhetherReadFromTheFileOrStandardInput()
    {
        var (findings, snapshot) = Evaluated();
        var expected = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(snapshot))).ToLowerInvariant();

        var piped = CliProcess.RunWithInput(File.ReadAllBytes(snapshot), "evaluate", "-", "--format", "json");

        Json.Parse(File.ReadAllBytes(findings)).Str("record.snapshotSha256").Should().Be(expected);
        Json.Parse(piped.StdOutBytes).Str("record.snapshotSha256").Should().Be(expected);
    }

    [Fact]
    public void Verify_OneDigitOfAFindingChanged_Exits1NamingTheFindingsPathAndId()
    {
        var (findings, snapshot) = Evaluated();
        var text = File.ReadAllText(findings);
        var original = Json.Parse(text).GetProperty("findings").EnumerateArray().ToList();
        var index = original.FindIndex(f => f.Has("daysOverdue"));
        index.Should().BeGreaterThanOrEqualTo(0);

        // The first "daysOverdue" after the findings start is that finding's (the summary's comes before it).
        var at = text.IndexOf("\"daysOverdue\": ", text.IndexOf("\"findings\": [", StringComparison.Ordinal), StringComparison.Ordinal) + "\"daysOverdue\": ".Length;
        var digit = text[at];
        File.WriteAllText(findings, text[..at] + (digit == '9' ? '8' : (char)(digit + 1)) + text[(at + 1)..]);

        var result = CliProcess.Run("verify", findings, snapshot);

        result.ExitCode.Should().Be(1, result.ToString());
        result.StdOut.Should().Contain("findingsSha256").And.Contain("findings[" + index + "].daysOverdue")
            .And.Contain("(finding " + original[index].Str("id") + ")");
    }

    [Fact]
    public void Verify_OneLetterOfAReasonChanged_Exits1NamingTheReason()
    {
        var (findings, snapshot) = Evaluated();
        var text = File.ReadAllText(findings);
        var at = text.IndexOf("\"reason\": \"", text.IndexOf("\"findings\": [", StringComparison.Ordinal), StringComparison.Ordinal) + "\"reason\": \"".Length;
        File.WriteAllText(findings, text[..at] + (text[at] == 'X' ? 'Y' : 'X') + text[(at + 1)..]);

        var result = CliProcess.Run("verify", findings, snapshot);

        result.ExitCode.Should().Be(1, result.ToString());
        result.StdOut.Should().Contain("findings[0].reason");
    }

    [Fact]
    public void Verify_OtherPolicy_Exits1NamingPolicySha256()
    {
        var (findings, snapshot) = Evaluated();
        var policy = _files.Write("policy.json", """{ "visitIntervalDays": { "high": 60 } }""");

        var result = CliProcess.Run("verify", findings, snapshot, "--policy", policy);

        result.ExitCode.Should().Be(1, result.ToString());
        result.StdOut.Should().Contain("policySha256 differs");
    }

    [Fact]
    public void Verify_PolicyOfTheRun_Exits0()
    {
        var policy = _files.Write("policy.json", """{ "version": "force-2026.1", "visitIntervalDays": { "high": 60 } }""");
        var (findings, snapshot) = Evaluated("--policy", policy);

        CliProcess.Run("verify", findings, snapshot).StdOut.Should().Contain("policySha256 differs");
        var result = CliProcess.Run("verify", findings, snapshot, "--policy", policy);

        result.ExitCode.Should().Be(0, result.ToString());
    }

    [Fact]
    public void Verify_OneByteOfTheSnapshotChanged_Exits1NamingSnapshotSha256()
    {
        var (findings, snapshot) = Evaluated();
        File.WriteAllText(snapshot, File.ReadAllText(snapshot) + "\n");

        var result = CliProcess.Run("verify", findings, snapshot);

        result.ExitCode.Should().Be(1, result.ToString());
        result.StdOut.Should().Contain("snapshotSha256 differs");
    }

    [Fact]
    public void Verify_RecordsFindingsHashChanged_Exits1NamingIt()
    {
        var (findings, snapshot) = Evaluated();
        var document = JsonNode.Parse(File.ReadAllText(findings))!;
        document["record"]!["findingsSha256"] = new string('0', 64);
        File.WriteAllText(findings, document.ToJsonString());

        var result = CliProcess.Run("verify", findings, snapshot);

        result.ExitCode.Should().Be(1, result.ToString());
        result.StdOut.Should().Contain("record.findingsSha256").And.Contain("findingsSha256 differs");
    }

    [Fact]
    public void Verify_FindingRemoved_Exits1NamingTheFirstMissingFinding()
    {
        var (findings, snapshot) = Evaluated();
        var document = JsonNode.Parse(File.ReadAllText(findings))!;
        var list = document["findings"]!.AsArray();
        var count = list.Count;
        list.RemoveAt(count - 1);
        File.WriteAllText(findings, document.ToJsonString());

        var result = CliProcess.Run("verify", findings, snapshot);

        result.ExitCode.Should().Be(1, result.ToString());
        result.StdOut.Should().Contain("findings[" + (count - 1) + "]");
    }

    [Fact]
    public void Verify_ReindentedAndReorderedDocument_Exits0()
    {
        var (findings, snapshot) = Evaluated();
        var document = JsonNode.Parse(File.ReadAllText(findings))!.AsObject();
        var reordered = new JsonObject(document.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        File.WriteAllText(findings, reordered.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));

        var result = CliProcess.Run("verify", findings, snapshot);

        result.ExitCode.Should().Be(0, result.ToString());
    }

    [Fact]
    public void Verify_DocumentWithChangesSinceAnEarlierRun_IgnoresThemAndExits0()
    {
        var (earlier, snapshot) = Evaluated("--as-of", "2018-04-20");
        var findings = _files.Path("since.json");
        CliProcess.Run("evaluate", snapshot, "--format", "json", "--since", earlier, "--output", findings).ExitCode.Should().Be(0);
        Json.Parse(File.ReadAllBytes(findings)).Has("changes").Should().BeTrue();

        var result = CliProcess.Run("verify", findings, snapshot);

        result.ExitCode.Should().Be(0, result.ToString());
    }

    [Fact]
    public void Verify_PartialResults_ReevaluatesWithPartialResultsAndExits0()
    {
        var snapshot = JsonNode.Parse(File.ReadAllText(Sample()))!;
        snapshot["offenders"]![0]!["riskLevel"] = "Extreme";
        var path = _files.Write("broken.json", snapshot.ToJsonString());
        var findings = _files.Path("findings.json");
        CliProcess.Run("evaluate", path, "--allow-invalid", "--format", "json", "--output", findings).ExitCode.Should().Be(0);

        var result = CliProcess.Run("verify", findings, path);

        result.ExitCode.Should().Be(0, result.ToString());
    }

    [Fact]
    public void Verify_DocumentWithoutRecord_Exits2()
    {
        var (findings, snapshot) = Evaluated();
        var document = JsonNode.Parse(File.ReadAllText(findings))!.AsObject();
        document.Remove("record");
        File.WriteAllText(findings, document.ToJsonString());

        var result = CliProcess.Run("verify", findings, snapshot);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdErr.Should().Contain("no record");
        result.StdOut.Should().BeEmpty();
    }

    [Theory]
    [InlineData("{ \"asOf\": ")]
    [InlineData("[]")]
    public void Verify_UnreadableDocument_Exits2(string content)
    {
        var (_, snapshot) = Evaluated();
        var findings = _files.Write("bad.json", content);

        var result = CliProcess.Run("verify", findings, snapshot);

        result.ExitCode.Should().Be(2, result.ToString());
        result.ShouldHaveNoStackTrace();
    }

    [Theory]
    [InlineData("\"kind\":\"VisitOverdue\"", "\"kind\":\"\\uD800\"", "not valid Unicode")]
    [InlineData("\"reason\":\"", "\"reason\":\"\\uDC00", "not valid Unicode")]
    [InlineData("\"reason\":\"", "\"reason\":\"\u00FF", "not valid UTF-8")]
    public void Verify_DocumentThatIsNotText_Exits2NamingTheFile(string find, string replaceWith, string problem)
    {
        var (findings, snapshot) = Evaluated();
        Json.RewriteReplacingOnce(findings, find, replaceWith);

        var result = CliProcess.Run("verify", findings, snapshot);

        result.ExitCode.Should().Be(2, "a document that cannot be read as text is unreadable input: {0}", result);
        result.StdOut.Should().BeEmpty();
        result.StdErr.Should().Contain(findings).And.Contain(problem);
        result.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Verify_BadPolicy_ListsTheFindingsDocumentsAndTheSnapshotsProblemsToo()
    {
        var findings = _files.Write("findings.json", "[]");
        var snapshot = _files.Write("caseload.json", "{ \"schemaVersion\": ");
        var policy = _files.Write("policy.json", """{ "dueSoonDays": -1 }""");

        var result = CliProcess.Run("verify", findings, snapshot, "--policy", policy);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(4, result.ToString());
        lines[0].Should().Be("error: " + findings + ": the findings document is not an object with an asOf date (yyyy-MM-dd)");
        lines[1].Should().Be("error: " + policy + ": dueSoonDays: must be at least 0; it is -1");
        lines[2].Should().StartWith("error: " + snapshot + ": ");
        lines[3].Should().Be("3 problems found in " + findings + ", " + policy + " and " + snapshot + "; nothing was verified.");
        result.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Verify_BadPolicyAndGoodFiles_NamesThePolicyAsBefore()
    {
        var (findings, snapshot) = Evaluated();
        var policy = _files.Write("policy.json", """{ "dueSoonDays": -1 }""");

        var result = CliProcess.Run("verify", findings, snapshot, "--policy", policy);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "error: " + policy + ": dueSoonDays: must be at least 0; it is -1",
            "1 problem in policy " + policy + ".");
    }

    [Fact]
    public void Verify_UnreadableDocumentAndMissingSnapshot_ListsBoth()
    {
        var findings = _files.Write("findings.json", "[]");
        var snapshot = _files.Path("none.json");

        var result = CliProcess.Run("verify", findings, snapshot);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "error: " + findings + ": the findings document is not an object with an asOf date (yyyy-MM-dd)",
            "error: " + snapshot + ": snapshot file not found",
            "2 problems found in " + findings + " and " + snapshot + "; nothing was verified.");
    }

    [Fact]
    public void Verify_MissingFiles_Exits2NamingThem()
    {
        var (findings, _) = Evaluated();

        var noDocument = CliProcess.Run("verify", _files.Path("none.json"), findings);
        var noSnapshot = CliProcess.Run("verify", findings, _files.Path("none.json"));

        noDocument.ExitCode.Should().Be(2);
        noDocument.StdErr.Should().Contain("findings document not found");
        noSnapshot.ExitCode.Should().Be(2);
        noSnapshot.StdErr.Should().Contain("snapshot file not found");
    }

    private string Sample()
    {
        var path = _files.Path("snapshot.json");
        if (!File.Exists(path))
        {
            CliProcess.Run("sample", "--offenders", "300", "--output", path).ExitCode.Should().Be(0);
        }

        return path;
    }

    private (string Findings, string Snapshot) Evaluated(params string[] options)
    {
        var snapshot = Sample();
        var findings = _files.Path("findings-" + Guid.NewGuid().ToString("N") + ".json");
        var result = CliProcess.Run(["evaluate", snapshot, "--format", "json", "--output", findings, .. options]);
        result.ExitCode.Should().Be(0, result.ToString());
        Encoding.UTF8.GetString(File.ReadAllBytes(findings)).Should().Contain("\"record\"");
        return (findings, snapshot);
    }
}
