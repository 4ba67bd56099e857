using System.Text.Json;
using Safeguarding.Rules.Cli.Tests.Support;

namespace Safeguarding.Rules.Cli.Tests;

public sealed class EvaluateCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Evaluate_ValidFileAsJson_WritesTheContractDocument()
    {
        var snapshot = _files.Write("caseload.json", Snapshots.OneOverdue().ToJsonString());

        var result = CliProcess.Run("evaluate", snapshot, "--format", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdErr.Should().BeEmpty();
        var doc = Json.Parse(result.StdOutBytes);
        doc.Int("schemaVersion").Should().Be(1);
        doc.Str("library.name").Should().Be("Safeguarding.Rules");
        doc.Str("library.version").Should().NotBeNullOrEmpty();
        doc.Str("asOf").Should().Be("2018-05-01");
        doc.Str("policyVersion").Should().Be("default");
        doc.Has("rejected").Should().BeFalse("partial results were not allowed");

        var summary = doc.GetProperty("summary");
        summary.Int("offenders").Should().Be(1);
        summary.Int("evaluated").Should().Be(1);
        summary.Int("rejected").Should().Be(0);
        summary.Int("notYetRegistered").Should().Be(0);
        summary.Int("visitOverdue").Should().Be(1);
        summary.Int("visitDueSoon").Should().Be(0);
        summary.Int("repeatedNoAccess").Should().Be(0);
        summary.Int("reactiveManagementIneligible").Should().Be(0);
        summary.Int("caseloadAboveTarget").Should().Be(0);
        summary.Int("caseloadCritical").Should().Be(0);
        summary.Int("unallocated").Should().Be(0);
        summary.Int("escalations.offenderManager").Should().Be(0);
        summary.Int("escalations.supervisor").Should().Be(0);
        summary.Int("escalations.detectiveInspector").Should().Be(1);
        summary.Int("unitBacklog").Should().Be(1);
        summary.Int("riskReviewOverdue").Should().Be(0);
        summary.Int("neighbourhoodNotBriefed").Should().Be(0);
        summary.Int("dataQuality").Should().Be(0);
        var visited = summary.At("outcomes.visitedWithinPolicyPercent");
        visited.EnumerateObject().Select(static p => p.Name).Should().Equal("high");
        visited.GetProperty("high").GetDecimal().Should().Be(0m);
        summary.At("outcomes.daysOverdue.median").GetDecimal().Should().Be(21m);
        summary.Int("outcomes.daysOverdue.max").Should().Be(21);

        var findings = doc.GetProperty("findings").EnumerateArray().ToList();
        findings.Should().HaveCount(2);
        var overdue = findings[0];
        overdue.EnumerateObject().Select(static p => p.Name).Should().BeEquivalentTo(
            "kind", "id", "rule", "offenderId", "managerId", "teamId", "riskLevel", "dueOn", "daysOverdue", "escalateTo", "reason");
        overdue.Str("kind").Should().Be("VisitOverdue");
        overdue.Str("rule").Should().NotBeNullOrEmpty();
        overdue.Str("offenderId").Should().Be("RSO-000123");
        overdue.Str("managerId").Should().Be("OM-017");
        overdue.Str("teamId").Should().Be("T-NORTH");
        overdue.Str("riskLevel").Should().Be("High");
        overdue.Str("dueOn").Should().Be("2018-04-10");
        overdue.Int("daysOverdue").Should().Be(21);
        overdue.Str("escalateTo").Should().Be("DetectiveInspector");
        overdue.Str("reason").Should().Contain("2018-01-09").And.Contain("2018-04-10").And.Contain("21 days overdue").And.Contain("DetectiveInspector");

        var backlog = findings[1];
        backlog.EnumerateObject().Select(static p => p.Name).Should().BeEquivalentTo("kind", "id", "rule", "teamId", "overdueVisits", "caseload", "reason");
        backlog.Str("kind").Should().Be("UnitBacklog");
        backlog.Str("teamId").Should().Be("T-NORTH");
        backlog.Int("overdueVisits").Should().Be(1);
        backlog.Int("caseload").Should().Be(1);

        Json.NullProperties(doc).Should().BeEmpty("absent values are omitted, never written as null");
    }

    [Fact]
    public void Evaluate_SameFileTwice_GivesIdenticalBytes()
    {
        var snapshot = _files.Write("caseload.json", Snapshots.OneOverdue().ToJsonString());

        var first = CliProcess.Run("evaluate", snapshot, "--format", "json");
        var second = CliProcess.Run("evaluate", snapshot, "--format", "json");

        first.ExitCode.Should().Be(0, first.ToString());
        first.StdOutBytes.Should().NotBeEmpty();
        second.StdOutBytes.Should().Equal(first.StdOutBytes);
    }

    [Fact]
    public void Evaluate_JsonOutput_IsTheLibrarysFindingsDocument()
    {
        var text = Snapshots.OneOverdue().ToJsonString();
        var snapshot = _files.Write("caseload.json", text);
        using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        var report = new SafeguardingEngine().Evaluate(Serialization.SnapshotJson.Read(input));
        using var expected = new MemoryStream();
        Serialization.FindingsJson.Write(report, expected);

        var result = CliProcess.Run("evaluate", snapshot, "--format", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOutBytes.Should().Equal(expected.ToArray());
    }

    [Fact]
    public void Evaluate_StandardInput_GivesTheSameDocumentAsTheFile()
    {
        var text = Snapshots.OneOverdue().ToJsonString();
        var snapshot = _files.Write("caseload.json", text);

        var fromFile = CliProcess.Run("evaluate", snapshot, "--format", "json");
        var fromStdin = CliProcess.RunWithInput(System.Text.Encoding.UTF8.GetBytes(text), "evaluate", "-", "--format", "json");

        fromStdin.ExitCode.Should().Be(0, fromStdin.ToString());
        fromStdin.StdOutBytes.Should().Equal(fromFile.StdOutBytes);
    }

    [Fact]
    public void Evaluate_OutputOption_WritesTheFileAndNothingToStdout()
    {
        var snapshot = _files.Write("caseload.json", Snapshots.OneOverdue().ToJsonString());
        var output = _files.Path("findings.json");

        var toFile = CliProcess.Run("evaluate", snapshot, "--format", "json", "--output", output);
        var toStdout = CliProcess.Run("evaluate", snapshot, "--format", "json");

        toFile.ExitCode.Should().Be(0, toFile.ToString());
        toFile.StdOutBytes.Should().BeEmpty();
        File.ReadAllBytes(output).Should().Equal(toStdout.StdOutBytes);
    }

    [Fact]
    public void Evaluate_AsOfBeforeTheDueDate_OverridesTheSnapshotDate()
    {
        var snapshot = _files.Write("caseload.json", Snapshots.OneOverdue().ToJsonString());

        // As of 2018-04-01 the visit due 2018-04-10 is 9 days away: VisitDueSoon (0 <= 9 <= 14), nothing overdue.
        var result = CliProcess.Run("evaluate", snapshot, "--as-of", "2018-04-01", "--format", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        var doc = Json.Parse(result.StdOutBytes);
        doc.Str("asOf").Should().Be("2018-04-01");
        var finding = doc.GetProperty("findings").EnumerateArray().Should().ContainSingle().Subject;
        finding.Str("kind").Should().Be("VisitDueSoon");
        finding.Str("dueOn").Should().Be("2018-04-10");
        finding.Int("daysUntilDue").Should().Be(9);
        doc.Has("summary").Should().BeTrue();
        doc.At("summary.outcomes").Has("daysOverdue").Should().BeFalse("it is omitted when nothing is overdue");
    }

    [Fact]
    public void Evaluate_PolicyFile_ChangesOnlyWhatItNames()
    {
        var snapshot = _files.Write("caseload.json", Snapshots.OneOverdue().ToJsonString());
        var policy = _files.Write("policy.json", """{ "visitIntervalDays": { "high": 120 } }""");

        // High interval 120: due 2018-01-09 + 120 = 2018-05-09, 8 days after 2018-05-01: VisitDueSoon.
        var result = CliProcess.Run("evaluate", snapshot, "--policy", policy, "--format", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        var doc = Json.Parse(result.StdOutBytes);
        doc.Str("policyVersion").Should().Be("default");
        var finding = doc.GetProperty("findings").EnumerateArray().Should().ContainSingle().Subject;
        finding.Str("kind").Should().Be("VisitDueSoon");
        finding.Str("dueOn").Should().Be("2018-05-09");
        finding.Int("daysUntilDue").Should().Be(8);
    }

    [Theory]
    [InlineData("""{ "visitIntervalDays": { "hgh": 60 } }""", "hgh")]
    [InlineData("""{ "firstVisitDay": 20 }""", "firstVisitDay")]
    [InlineData("""{ "caseload": { "target": 80, "critical": 60 } }""", "caseload.critical")]
    [InlineData("""{ "escalation": { "unitBacklogPercent": 0 } }""", "escalation.unitBacklogPercent")]
    public void Evaluate_InvalidPolicy_Exits2NamingTheProperty(string policyText, string property)
    {
        var snapshot = _files.Write("caseload.json", Snapshots.OneOverdue().ToJsonString());
        var policy = _files.Write("policy.json", policyText);

        var result = CliProcess.Run("evaluate", snapshot, "--policy", policy, "--format", "json");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Should().Contain(property).And.Contain("policy.json");
        result.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Evaluate_BadPolicyAndBadSnapshot_ListsEveryProblemOfBothAtOnce()
    {
        var snapshot = Snapshots.OneOverdue();
        snapshot.FirstOffender()["riskLevel"] = "Severe";
        var snapshotPath = _files.Write("caseload.json", snapshot.ToJsonString());
        var policy = _files.Write("policy.json", """{ "dueSoonDays": -1 }""");

        var result = CliProcess.Run("evaluate", snapshotPath, "--policy", policy, "--format", "json");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "error: " + policy + ": dueSoonDays: must be at least 0; it is -1",
            "error: " + snapshotPath + ": offenders[0] (id RSO-000123) riskLevel: unknown value; expected Low, Medium, High or VeryHigh",
            "2 problems found in " + policy + " and " + snapshotPath + "; nothing was evaluated.");
    }

    [Fact]
    public void Evaluate_AllowInvalidWithBadPolicy_ListsTheSnapshotsRejectedRecordsAsWarningsNotErrors()
    {
        var snapshot = Snapshots.OneOverdue();
        snapshot.FirstOffender()["riskLevel"] = "Severe";
        var snapshotPath = _files.Write("caseload.json", snapshot.ToJsonString());
        var policy = _files.Write("policy.json", """{ "dueSoonDays": -1 }""");

        var result = CliProcess.Run("evaluate", snapshotPath, "--policy", policy, "--allow-invalid", "--format", "json");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "error: " + policy + ": dueSoonDays: must be at least 0; it is -1",
            "warning: " + snapshotPath + ": offenders[0] (id RSO-000123) riskLevel: unknown value; expected Low, Medium, High or VeryHigh",
            "warning: 1 problem in " + snapshotPath + ", which --allow-invalid accepts: 1 offender records would be rejected and reported as DataQuality findings; invalid visits, briefings, managers and teams would be left out.",
            "1 problem in policy " + policy + ".");
    }

    [Fact]
    public void Evaluate_AllowInvalidWithBadPolicyAndUnreadableSnapshot_ListsBothAsErrors()
    {
        var snapshotPath = _files.Write("caseload.json", "{ \"schemaVersion\": ");
        var policy = _files.Write("policy.json", """{ "dueSoonDays": -1 }""");

        var result = CliProcess.Run("evaluate", snapshotPath, "--policy", policy, "--allow-invalid");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(3, result.ToString());
        lines[1].Should().StartWith("error: " + snapshotPath + ": ");
        lines[2].Should().Be("2 problems found in " + policy + " and " + snapshotPath + "; nothing was evaluated.");
    }

    [Fact]
    public void Evaluate_BadPolicyAndGoodSnapshot_NamesThePolicyAsBefore()
    {
        var snapshotPath = _files.Write("caseload.json", Snapshots.OneOverdue().ToJsonString());
        var policy = _files.Write("policy.json", """{ "dueSoonDays": -1 }""");

        var result = CliProcess.Run("evaluate", snapshotPath, "--policy", policy);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "error: " + policy + ": dueSoonDays: must be at least 0; it is -1",
            "1 problem in policy " + policy + ".");
    }

    [Fact]
    public void Evaluate_TwoBadRecords_ListsEveryProblemAndNothingOnStdout()
    {
        var snapshot = Snapshots.OneOverdue();
        snapshot.FirstOffender()["riskLevel"] = "Severe";
        snapshot["visits"]![0]!["outcome"] = "Missed";
        var path = _files.Write("caseload.json", snapshot.ToJsonString());

        var result = CliProcess.Run("evaluate", path, "--format", "json");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().Contain(l => l.Contains("offenders[0]") && l.Contains("RSO-000123") && l.Contains("riskLevel"));
        lines.Should().Contain(l => l.Contains("visits[0]") && l.Contains("outcome"));
        result.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Evaluate_AllowInvalid_ReportsRejectedRecordsAndReconcilesTheCounts()
    {
        var snapshot = Snapshots.OneOverdue();
        var offenders = snapshot["offenders"]!.AsArray();
        offenders.Add(Snapshots.Offender("RSO-2", "Severe"));
        offenders.Add(Snapshots.Offender("RSO-3", "Low"));
        offenders.Add(Snapshots.Offender("RSO-4", "Medium", registeredOn: "2018-06-01"));
        var path = _files.Write("caseload.json", snapshot.ToJsonString());

        var result = CliProcess.Run("evaluate", path, "--allow-invalid", "--format", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdErr.Should().Contain("offenders[1]");
        var doc = Json.Parse(result.StdOutBytes);
        var summary = doc.GetProperty("summary");
        summary.Int("offenders").Should().Be(4);
        summary.Int("evaluated").Should().Be(2);
        summary.Int("rejected").Should().Be(1);
        summary.Int("notYetRegistered").Should().Be(1);
        summary.Int("offenders").Should().Be(summary.Int("evaluated") + summary.Int("rejected") + summary.Int("notYetRegistered"));
        summary.Int("dataQuality").Should().Be(1);

        var rejected = doc.GetProperty("rejected").EnumerateArray().Should().ContainSingle().Subject;
        rejected.Str("array").Should().Be("offenders");
        rejected.Int("index").Should().Be(1);
        rejected.Str("id").Should().Be("RSO-2");
        rejected.Str("field").Should().Be("riskLevel");
        rejected.Str("problem").Should().NotBeNullOrEmpty();

        var dataQuality = doc.GetProperty("findings").EnumerateArray().Where(static f => f.Str("kind") == "DataQuality").Should().ContainSingle().Subject;
        dataQuality.Str("offenderId").Should().Be("RSO-2");
        dataQuality.Int("index").Should().Be(1);
        doc.GetProperty("findings").EnumerateArray().Should().NotContain(f => f.Has("offenderId") && f.Str("offenderId") == "RSO-4", "a not-yet-registered offender is in no finding");
    }

    [Fact]
    public void Evaluate_AllowInvalidWithUnparseableJson_StillExits2()
    {
        var path = _files.Write("caseload.json", """{ "offenders": [ { "id": "RSO-1", """);

        var result = CliProcess.Run("evaluate", path, "--allow-invalid", "--format", "json");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_MissingFile_Exits2WithOneLine()
    {
        var path = _files.Path("no-such-file.json");

        var result = CliProcess.Run("evaluate", path);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Should().Contain("no-such-file.json").And.Contain("not found");
        result.ShouldHaveNoStackTrace();
    }

    [Theory]
    [InlineData("--as-of", "01/05/2018")]
    [InlineData("--as-of", "2018-02-30")]
    [InlineData("--format", "xml")]
    [InlineData("--top", "-1")]
    [InlineData("--top", "ten")]
    public void Evaluate_BadOption_Exits2(string option, string value)
    {
        var snapshot = _files.Write("caseload.json", Snapshots.OneOverdue().ToJsonString());

        var result = CliProcess.Run("evaluate", snapshot, option, value);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Should().Contain(value).And.Contain("evaluate --help");
        result.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Evaluate_Csv_HasTheHeaderAndOneRowPerFindingInOrder()
    {
        var snapshot = _files.Write("caseload.json", Snapshots.OneOverdue().ToJsonString());

        var csv = CliProcess.Run("evaluate", snapshot, "--format", "csv");
        var json = CliProcess.Run("evaluate", snapshot, "--format", "json");

        csv.ExitCode.Should().Be(0, csv.ToString());
        var records = Support.Csv.Parse(csv.StdOut);
        // Every kind's fields in the order they first appear in the contract's section 5 table.
        records[0].Should().Equal(
            "kind", "id", "rule", "offenderId", "managerId", "teamId", "riskLevel", "dueOn", "daysOverdue", "escalateTo",
            "daysUntilDue", "noAccessVisits", "caseload", "overdueVisits", "neighbourhoodId", "since", "index",
            "discussionId", "heldOn", "actionId", "detentionId", "custodySuiteId", "authorisedAt", "minutesWaited", "awaiting",
            "interviewStartedAt", "protectionId", "startedAt", "hoursInProtection", "minutesToInform", "array", "recordId",
            "overrideExpiredOn", "reason");
        var findings = Json.Parse(json.StdOutBytes).GetProperty("findings").EnumerateArray().ToList();
        records.Should().HaveCount(findings.Count + 1);
        for (var i = 0; i < findings.Count; i++)
        {
            var row = records[i + 1];
            row.Should().HaveCount(records[0].Count);
            for (var c = 0; c < records[0].Count; c++)
            {
                var expected = findings[i].TryGetProperty(records[0][c], out var value)
                    ? value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.GetString()
                    : string.Empty;
                row[c].Should().Be(expected, "finding {0}, field {1}", i, records[0][c]);
            }
        }
    }

    [Fact]
    public void Evaluate_NoSnapshot_EvaluatesTheBuiltInForce()
    {
        var result = CliProcess.Run("evaluate", "--format", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        var doc = Json.Parse(result.StdOutBytes);
        doc.Str("asOf").Should().Be("2018-05-01");
        var summary = doc.GetProperty("summary");
        summary.Int("offenders").Should().Be(2000);
        summary.Int("rejected").Should().Be(0);
        summary.Int("offenders").Should().Be(summary.Int("evaluated") + summary.Int("rejected") + summary.Int("notYetRegistered"));
        summary.Int("visitOverdue").Should().BePositive();
        summary.Int("unallocated").Should().BePositive();
        (summary.Int("caseloadAboveTarget") + summary.Int("caseloadCritical")).Should().BePositive();
        summary.Int("dataQuality").Should().Be(0);
    }

    [Fact]
    public void Evaluate_NoSnapshotTwice_GivesIdenticalBytes()
    {
        var first = CliProcess.Run("evaluate", "--format", "json");
        var second = CliProcess.Run("evaluate", "--format", "json");

        first.ExitCode.Should().Be(0, first.ToString());
        second.StdOutBytes.Should().Equal(first.StdOutBytes);
    }

    [Fact]
    public void Evaluate_Table_ShowsTheSummaryAndTheMostUrgentFindingFirst()
    {
        var json = Json.Parse(CliProcess.Run("evaluate", "--format", "json").StdOutBytes);
        var table = CliProcess.Run("evaluate", "--top", "5");

        table.ExitCode.Should().Be(0, table.ToString());
        table.StdOut.Should().Contain("as of 2018-05-01").And.Contain("policy default");
        var summary = json.GetProperty("summary");
        table.StdOut.Should().MatchRegex(@"(?m)^VisitOverdue\s+" + summary.Int("visitOverdue") + "$");
        table.StdOut.Should().MatchRegex(@"(?m)^Days overdue, max\s+" + summary.Int("outcomes.daysOverdue.max") + "$");

        // Most urgent: the highest escalation, then the most days overdue (the report's order breaks ties). The built-in
        // force's juveniles waiting more than 4 hours for an appropriate adult go to an Inspector, ranked above a DetectiveInspector.
        var levels = new[] { "OffenderManager", "Supervisor", "DetectiveInspector", "Inspector" };
        var mostUrgent = json.GetProperty("findings").EnumerateArray()
            .Where(static f => f.TryGetProperty("escalateTo", out _))
            .Select(static (f, i) => (f, i))
            .OrderByDescending(x => Array.IndexOf(levels, x.f.Str("escalateTo")))
            .ThenByDescending(static x => x.f.TryGetProperty("daysOverdue", out var days) ? days.GetInt32() : -1)
            .ThenBy(static x => x.i)
            .First().f;
        var lines = table.StdOut.Split('\n');
        var header = Array.FindIndex(lines, static l => l.StartsWith("Escalate to", StringComparison.Ordinal));
        header.Should().BePositive();
        lines[header + 1].Should().StartWith(mostUrgent.Str("escalateTo") + " ").And.Contain(mostUrgent.Str(mostUrgent.Has("offenderId") ? "offenderId" : "detentionId")!);
        lines.Skip(header + 1).TakeWhile(static l => l.Length > 0).Should().HaveCount(5);
    }
}
