using System.Text.Json;
using System.Text.Json.Nodes;
using Safeguarding.Rules.Cli.Tests.Support;

namespace Safeguarding.Rules.Cli.Tests;

/// <summary><c>evaluate --since PREVIOUS.json</c>: what changed since an earlier run (contract section 7).</summary>
public sealed class SinceTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Since_Json_GivesEachFindingItsChangeAndTheChangesBlock()
    {
        var yesterday = CliProcess.Run("evaluate", "--as-of", "2018-04-30", "--format", "json");
        var previous = _files.Write("yesterday.json", yesterday.StdOut);

        var today = CliProcess.Run("evaluate", "--format", "json", "--since", previous);

        today.ExitCode.Should().Be(0, today.ToString());
        var doc = Json.Parse(today.StdOutBytes);
        var before = Json.Parse(yesterday.StdOutBytes).GetProperty("findings").EnumerateArray().Select(f => f.Str("id")!).ToHashSet();
        var findings = doc.GetProperty("findings").EnumerateArray().ToList();
        foreach (var finding in findings)
        {
            finding.EnumerateObject().Select(p => p.Name).Take(3).Should().Equal("kind", "id", "change");
            if (!before.Contains(finding.Str("id")!))
            {
                finding.Str("change").Should().Be("Raised");
            }
            else
            {
                finding.Str("change").Should().BeOneOf("Escalated", "Changed", "Unchanged");
            }
        }

        var changes = doc.GetProperty("changes");
        changes.Str("since.asOf").Should().Be("2018-04-30");
        changes.Str("since.policyVersion").Should().Be("default");
        var current = findings.Select(f => f.Str("id")!).ToHashSet();
        var cleared = changes.GetProperty("clearedFindings").EnumerateArray().Select(f => f.Str("id")!).ToList();
        cleared.Should().BeEquivalentTo(before.Except(current));
        changes.Int("cleared").Should().Be(cleared.Count);
        (changes.Int("raised") + changes.Int("escalated") + changes.Int("changed") + changes.Int("unchanged")).Should().Be(findings.Count);
        changes.Int("raised").Should().Be(current.Except(before).Count());
        doc.EnumerateObject().Select(p => p.Name).TakeLast(2).Should().Equal("changes", "record");
    }

    [Fact]
    public void Since_Table_ShowsTheSinceSectionFirst()
    {
        var previous = _files.Write("yesterday.json", CliProcess.Run("evaluate", "--as-of", "2018-04-30", "--format", "json").StdOut);

        var result = CliProcess.Run("evaluate", "--since", previous);

        result.ExitCode.Should().Be(0, result.ToString());
        var lines = result.StdOut.Split('\n');
        lines[3].Should().StartWith("Since 2018-04-30 (policy default): ");
        lines[3].Should().MatchRegex(@"\d+ raised, \d+ escalated, \d+ changed, \d+ unchanged, \d+ cleared$");
        lines[4].Should().StartWith("Change ");
        result.StdOut.IndexOf("cleared since 2018-04-30", StringComparison.Ordinal).Should().BeLessThan(result.StdOut.IndexOf("Offender records", StringComparison.Ordinal));
    }

    [Fact]
    public void Since_Csv_AddsTheChangeColumnAfterTheId()
    {
        var previous = _files.Write("yesterday.json", CliProcess.Run("evaluate", "--as-of", "2018-04-30", "--format", "json").StdOut);

        var csv = CliProcess.Run("evaluate", "--format", "csv", "--since", previous);
        var json = CliProcess.Run("evaluate", "--format", "json", "--since", previous);

        csv.ExitCode.Should().Be(0, csv.ToString());
        var records = Support.Csv.Parse(csv.StdOut);
        records[0].Take(4).Should().Equal("kind", "id", "change", "rule");
        var findings = Json.Parse(json.StdOutBytes).GetProperty("findings").EnumerateArray().ToList();
        records.Skip(1).Select(r => (r[1], r[2])).Should().Equal(findings.Select(f => (f.Str("id")!, f.Str("change")!)));
    }

    [Fact]
    public void Since_AVersion1DocumentWithoutIds_IsAccepted()
    {
        var yesterday = Json.Parse(CliProcess.Run("evaluate", "--as-of", "2018-04-30", "--format", "json").StdOutBytes);
        var withoutIds = System.Text.Json.Nodes.JsonNode.Parse(yesterday.GetRawText())!.AsObject();
        foreach (var finding in withoutIds["findings"]!.AsArray())
        {
            finding!.AsObject().Remove("id");
        }

        var previous = _files.Write("v1.json", withoutIds.ToJsonString());
        var withIds = _files.Write("v11.json", yesterday.GetRawText());

        var fromV1 = CliProcess.Run("evaluate", "--format", "json", "--since", previous);
        var fromV11 = CliProcess.Run("evaluate", "--format", "json", "--since", withIds);

        fromV1.ExitCode.Should().Be(0, fromV1.ToString());
        fromV1.StdOut.Should().Be(fromV11.StdOut);
    }

    [Theory]
    [InlineData("[1, 2]", "not a findings document")]
    [InlineData("""{ "findings": [ { "kind": "UnitBacklog", "teamId": "T" }, { "kind": "UnitBacklog", "teamId": "T" } ] }""", "duplicate id UnitBacklog:T")]
    [InlineData("""{ "schemaVersion": 1, "asOf": "2018-05-01" }""", "findings: is required")]
    [InlineData("not json", "not valid JSON")]
    public void Since_NotAFindingsDocument_IsBadInputNamingTheFile(string content, string problem)
    {
        var previous = _files.Write("previous.json", content);

        var result = CliProcess.Run("evaluate", "--format", "json", "--since", previous);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOut.Should().BeEmpty();
        result.StdErr.Should().Contain(previous).And.Contain(problem);
    }

    [Fact]
    public void Since_ADocumentWithProblemsAtPaths_PrintsEachAsPathThenProblemAfterTheFile()
    {
        // The lines a script may match: the file, then each problem's path and what is wrong; a problem with the document
        // itself is its own sentence.
        var previous = _files.Write("previous.json", """{ "schemaVersion": 2, "findings": [ { "kind": "UnitBacklog", "teamId": "T" }, { "kind": "VisitOverdue" } ] }""");
        var notAnObject = _files.Write("array.json", "[1, 2]");

        var result = CliProcess.Run("evaluate", "--format", "json", "--since", previous);
        var whole = CliProcess.Run("evaluate", "--format", "json", "--since", notAnObject);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "error: " + previous + ": schemaVersion: must be 1 when present",
            "error: " + previous + ": findings[1].offenderId: is required for a VisitOverdue finding (it identifies the finding) and must be a string",
            "2 problems in the earlier findings document " + previous + " (--since); nothing was evaluated.");
        whole.ExitCode.Should().Be(2, whole.ToString());
        whole.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "error: " + notAnObject + ": not a findings document: the top level is not a JSON object",
            "1 problem in the earlier findings document " + notAnObject + " (--since); nothing was evaluated.");
    }

    [Theory]
    [InlineData("\"kind\":\"VisitOverdue\"", "\"kind\":\"\\uD800\"", "not valid Unicode")]
    [InlineData("\"reason\":\"", "\"reason\":\"\\uDC00", "not valid Unicode")]
    [InlineData("\"reason\":\"", "\"reason\":\"\u00FF", "not valid UTF-8")]
    public void Since_ADocumentThatIsNotText_IsBadInputNamingTheFile(string find, string replaceWith, string problem)
    {
        var previous = _files.Write("previous.json", CliProcess.Run("evaluate", "--as-of", "2018-04-30", "--format", "json").StdOut);
        Json.RewriteReplacingOnce(previous, find, replaceWith);

        var result = CliProcess.Run("evaluate", "--format", "json", "--since", previous);

        result.ExitCode.Should().Be(2, "an earlier document that cannot be read is bad input: {0}", result);
        result.StdOut.Should().BeEmpty();
        result.StdErr.Should().Contain(previous).And.Contain(problem);
        result.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Since_BadPolicyBadEarlierDocumentAndBadSnapshot_ListsEveryProblemInOneRun()
    {
        var broken = Snapshots.OneOverdue();
        broken.FirstOffender()["riskLevel"] = "Severe";
        var snapshot = _files.Write("caseload.json", broken.ToJsonString());
        var policy = _files.Write("policy.json", """{ "dueSoonDays": -1 }""");
        var previous = _files.Write("previous.json", "[1, 2]");

        var result = CliProcess.Run("evaluate", snapshot, "--policy", policy, "--since", previous, "--format", "json");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(4, result.ToString());
        lines[0].Should().Be("error: " + policy + ": dueSoonDays: must be at least 0; it is -1");
        lines[1].Should().StartWith("error: " + previous + ": ").And.Contain("not a findings document");
        lines[2].Should().Be("error: " + snapshot + ": offenders[0] (id RSO-000123) riskLevel: unknown value; expected Low, Medium, High or VeryHigh");
        lines[3].Should().Be("3 problems found in " + policy + ", " + previous + " and " + snapshot + "; nothing was evaluated.");
    }

    [Fact]
    public void Since_BadEarlierDocumentAndBadSnapshot_ListsBothInOneRun()
    {
        var broken = Snapshots.OneOverdue();
        broken.FirstOffender()["riskLevel"] = "Severe";
        var snapshot = _files.Write("caseload.json", broken.ToJsonString());
        var previous = _files.Path("absent.json");

        var result = CliProcess.Run("evaluate", snapshot, "--since", previous);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "error: " + previous + ": earlier findings document (--since) not found",
            "error: " + snapshot + ": offenders[0] (id RSO-000123) riskLevel: unknown value; expected Low, Medium, High or VeryHigh",
            "2 problems found in " + previous + " and " + snapshot + "; nothing was evaluated.");
    }

    [Fact]
    public void Since_BadEarlierDocumentAndNoPolicyFile_ChecksTheOverridesAgainstTheDefaultPolicy()
    {
        // Without --policy the run's policy is the default one, which was loaded: a bad earlier document must not stand
        // it down, or an override longer than overrides.maxDays (90) goes unreported and another is told the policy
        // lists kinds it does not (contract section 3: every problem at once; section 8: validity depends on the policy).
        var withOverrides = Snapshots.OneOverdue();
        withOverrides["overrides"] = new JsonArray(
            new JsonObject { ["id"] = "OV-1", ["findingId"] = "VisitOverdue:RSO-000123", ["reasonCode"] = "IN_HOSPITAL", ["authorisedBy"] = "DS-1", ["from"] = "2018-01-01", ["until"] = "2018-04-01" },
            new JsonObject { ["id"] = "OV-2", ["findingId"] = "UnitBacklog:T-1", ["reasonCode"] = "IN_HOSPITAL", ["authorisedBy"] = "DS-1", ["from"] = "2018-04-01", ["until"] = "2018-04-02" });
        var snapshot = _files.Write("caseload.json", withOverrides.ToJsonString());
        var previous = _files.Write("previous.json", "[1, 2]");

        var alone = CliProcess.Run("validate", snapshot);
        var result = CliProcess.Run("evaluate", snapshot, "--since", previous);

        alone.ExitCode.Should().Be(2, alone.ToString());
        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("error: " + previous + ": ").And.Contain("not a findings document");
        lines[1..^1].Should().Equal(alone.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries)[..^1]);
        lines[1..^1].Should().HaveCount(2).And.Contain(l => l.Contains("overrides.maxDays allows at most 90", StringComparison.Ordinal));
        lines[^1].Should().Be("3 problems found in " + previous + " and " + snapshot + "; nothing was evaluated.");
    }

    [Fact]
    public void Since_BadPolicyAndBadEarlierDocument_ListsBothInOneRun()
    {
        var snapshot = _files.Write("caseload.json", Snapshots.OneOverdue().ToJsonString());
        var policy = _files.Write("policy.json", """{ "dueSoonDays": -1 }""");
        var previous = _files.Path("absent.json");

        var result = CliProcess.Run("evaluate", snapshot, "--policy", policy, "--since", previous);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "error: " + policy + ": dueSoonDays: must be at least 0; it is -1",
            "error: " + previous + ": earlier findings document (--since) not found",
            "2 problems found in " + policy + " and " + previous + "; nothing was evaluated.");
    }

    [Fact]
    public void Since_AMissingFile_IsBadInput()
    {
        var result = CliProcess.Run("evaluate", "--since", _files.Path("absent.json"));

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOut.Should().BeEmpty();
        result.StdErr.Should().Contain("absent.json").And.Contain("not found");
    }
}
