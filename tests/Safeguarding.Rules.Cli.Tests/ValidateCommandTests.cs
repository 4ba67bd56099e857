using Safeguarding.Rules.Cli.Tests.Support;

namespace Safeguarding.Rules.Cli.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Validate_ValidSnapshotAndPolicy_Exits0()
    {
        var snapshot = _files.Write("caseload.json", Snapshots.OneOverdue().ToJsonString());
        var policy = _files.Write("policy.json", """{ "version": "force-2026.1", "caseload": { "target": 45 } }""");

        var result = CliProcess.Run("validate", snapshot, "--policy", policy);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdErr.Should().BeEmpty();
        result.StdOut.Should().Contain("caseload.json: valid").And.Contain("1 offender,").And.NotContain("1 offenders").And.Contain("force-2026.1");
    }

    [Fact]
    public void Validate_SnapshotWithChildProtectionRecords_CountsThemToo()
    {
        var snapshot = Snapshots.OneOverdue();
        snapshot["detentions"] = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["id"] = "CUS-1", ["custodySuiteId"] = "CS-1", ["juvenile"] = true, ["authorisedAt"] = "2018-05-01T09:00:00Z" },
            new System.Text.Json.Nodes.JsonObject { ["id"] = "CUS-2", ["custodySuiteId"] = "CS-1", ["juvenile"] = false, ["authorisedAt"] = "2018-05-01T10:00:00Z" });
        snapshot["policeProtections"] = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["id"] = "PP-1", ["startedAt"] = "2018-05-01T09:00:00+01:00" });

        var result = CliProcess.Run("validate", _files.Write("caseload.json", snapshot.ToJsonString()));

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain("0 briefings, 2 detentions, 1 police protection, as of 2018-05-01").And.NotContain("strategy discussion");
    }

    [Theory]
    [InlineData("2018-05-01T23:30:00+01:00", "as of 2018-05-01 (from extractedAt)")]
    [InlineData("2018-05-01T23:30:00Z", "as of 2018-05-02 (from extractedAt)")]
    public void Validate_SnapshotWithExtractedAtAndNoAsOf_SaysTheDateARunTakesFromIt(string extractedAt, string expected)
    {
        // Contract section 6: without asOf, the as-of date is the United Kingdom date of extractedAt (23:30 UTC on
        // 1 May 2018 is 00:30 on 2 May in British Summer Time).
        var snapshot = Snapshots.OneOverdue();
        snapshot.Remove("asOf");
        snapshot["extractedAt"] = extractedAt;

        var result = CliProcess.Run("validate", _files.Write("caseload.json", snapshot.ToJsonString()));

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain(expected).And.NotContain("no asOf");
    }

    [Fact]
    public void Validate_OverridesCheckedAgainstThePolicyGiven()
    {
        // Whether an override is valid depends on the policy (contract section 8): OV-1 defers the team's backlog, a kind the
        // default overrides.kinds does not list but this policy does; OV-2 lasts 31 days, more than this policy's maxDays of 30.
        var snapshot = Snapshots.OneOverdue();
        snapshot["overrides"] = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["id"] = "OV-1", ["findingId"] = "UnitBacklog:T-NORTH", ["reasonCode"] = "AUDIT", ["authorisedBy"] = "DS-1", ["from"] = "2018-04-20", ["until"] = "2018-05-15" },
            new System.Text.Json.Nodes.JsonObject { ["id"] = "OV-2", ["findingId"] = "VisitOverdue:RSO-000123", ["reasonCode"] = "IN_HOSPITAL", ["authorisedBy"] = "DS-1", ["from"] = "2018-04-20", ["until"] = "2018-05-20" });
        var snapshotPath = _files.Write("caseload.json", snapshot.ToJsonString());
        var policy = _files.Write("policy.json", """{ "overrides": { "maxDays": 30, "kinds": ["VisitOverdue", "UnitBacklog"] } }""");

        var result = CliProcess.Run("validate", snapshotPath, "--policy", policy);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdErr.Should().Contain("overrides[1] (id OV-2) until:").And.NotContain("OV-1").And.Contain("1 problem found.");
    }

    [Fact]
    public void Validate_InvalidPolicy_ReportsItsProblemsAndDoesNotCheckOverridesAgainstAnotherPolicy()
    {
        // OV-1 defers the team's backlog, a kind this policy lists and the default does not; OV-2 lasts 100 days, more than
        // the default maxDays of 90 and within this policy's 120. Neither may be judged by a policy the command did not
        // load; OV-3's reason code is free text, a problem under any policy.
        var snapshot = Snapshots.OneOverdue();
        snapshot["overrides"] = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["id"] = "OV-1", ["findingId"] = "UnitBacklog:T-NORTH", ["reasonCode"] = "AUDIT", ["authorisedBy"] = "DS-1", ["from"] = "2018-04-20", ["until"] = "2018-05-15" },
            new System.Text.Json.Nodes.JsonObject { ["id"] = "OV-2", ["findingId"] = "VisitOverdue:RSO-000123", ["reasonCode"] = "IN_HOSPITAL", ["authorisedBy"] = "DS-1", ["from"] = "2018-04-20", ["until"] = "2018-07-28" },
            new System.Text.Json.Nodes.JsonObject { ["id"] = "OV-3", ["findingId"] = "VisitDueSoon:RSO-000123", ["reasonCode"] = "in hospital", ["authorisedBy"] = "DS-1", ["from"] = "2018-04-20", ["until"] = "2018-05-15" });
        var snapshotPath = _files.Write("caseload.json", snapshot.ToJsonString());
        var policy = _files.Write("policy.json", """{ "dueSoonDays": -1, "overrides": { "maxDays": 120, "kinds": ["VisitOverdue", "VisitDueSoon", "UnitBacklog"] } }""");

        var result = CliProcess.Run("validate", snapshotPath, "--policy", policy);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(3, result.ToString());
        lines[0].Should().Be("error: " + policy + ": dueSoonDays: must be at least 0; it is -1");
        lines[1].Should().StartWith("error: " + snapshotPath + ": overrides[2] (id OV-3) reasonCode:");
        lines[2].Should().Be("2 problems found. The snapshot's overrides were not checked against overrides.kinds and overrides.maxDays: policy " + policy + " could not be loaded.");
    }

    [Fact]
    public void Validate_BadSnapshotAndBadPolicy_ListsBoth()
    {
        var snapshot = Snapshots.OneOverdue();
        snapshot.FirstOffender()["riskLevel"] = "Severe";
        var snapshotPath = _files.Write("caseload.json", snapshot.ToJsonString());
        var policy = _files.Write("policy.json", """{ "dueSoonDays": -1 }""");

        var result = CliProcess.Run("validate", snapshotPath, "--policy", policy);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Should().Contain("dueSoonDays").And.Contain("offenders[0]").And.Contain("riskLevel");
    }

    [Fact]
    public void Validate_NoSnapshotArgument_Exits2()
    {
        var result = CliProcess.Run("validate");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Should().Contain("SNAPSHOT");
    }

    [Fact]
    public void Validate_StandardInput_Exits0()
    {
        var result = CliProcess.RunWithInput(System.Text.Encoding.UTF8.GetBytes(Snapshots.OneOverdue().ToJsonString()), "validate", "-");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain("standard input: valid");
    }
}
