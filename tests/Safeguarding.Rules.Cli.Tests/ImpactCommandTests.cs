using System.Text.Json;
using System.Text.Json.Nodes;
using Safeguarding.Rules.Cli.Tests.Support;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Cli.Tests;

public sealed class ImpactCommandTests : IDisposable
{
    private const string High60 = """{ "version": "high-60", "visitIntervalDays": { "high": 60 } }""";

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>
    /// Two teams, as of 2018-05-01, High risk, default interval 91 days, proposed 60:
    /// T-NORTH (OM-1): RSO-1 visited 2018-01-09, 21 -> 52 days overdue (changed); RSO-2 visited 2018-02-15, due 2018-05-17 -> 15 days
    /// overdue (raised). Caseload 2: backlog with 1 overdue and with 2 (changed, overdueVisits 1 -> 2).
    /// T-SOUTH (OM-2): RSO-3 visited 2018-02-05, due soon in 6 days -> 25 days overdue (due soon cleared, overdue raised).
    /// Caseload 1: no backlog with 0 overdue, backlog with 1 (raised).
    /// </summary>
    private static JsonObject TwoTeams()
    {
        var snapshot = new JsonObject
        {
            ["asOf"] = "2018-05-01",
            ["teams"] = new JsonArray(new JsonObject { ["id"] = "T-NORTH" }, new JsonObject { ["id"] = "T-SOUTH" }),
            ["managers"] = new JsonArray(
                new JsonObject { ["id"] = "OM-1", ["teamId"] = "T-NORTH" },
                new JsonObject { ["id"] = "OM-2", ["teamId"] = "T-SOUTH" }),
            ["offenders"] = new JsonArray(Offender("RSO-1", "OM-1"), Offender("RSO-2", "OM-1"), Offender("RSO-3", "OM-2")),
            ["visits"] = new JsonArray(Visit("RSO-1", "2018-01-09"), Visit("RSO-2", "2018-02-15"), Visit("RSO-3", "2018-02-05")),
        };
        return snapshot;

        static JsonObject Offender(string id, string managerId)
        {
            var offender = Snapshots.Offender(id, "High");
            offender["managerId"] = managerId;
            return offender;
        }

        static JsonObject Visit(string offenderId, string date) => new() { ["offenderId"] = offenderId, ["date"] = date, ["outcome"] = "Completed" };
    }

    private string Sample(int offenders, int seed)
    {
        var path = _files.Path("force.json");
        var result = CliProcess.Run("sample", "--offenders", offenders.ToString(), "--seed", seed.ToString(), "--output", path);
        result.ExitCode.Should().Be(0, result.ToString());
        return path;
    }

    [Fact]
    public void Impact_PolicyIdenticalToTheBaseline_ReportsNoChangeAndFailOnChangeExits0()
    {
        var snapshot = Sample(2000, 5);
        var policy = _files.Write("same.json", """{ "version": "same", "visitIntervalDays": { "high": 91 } }""");

        var table = CliProcess.Run("impact", snapshot, "--policy", policy, "--fail-on-change");
        var json = CliProcess.Run("impact", snapshot, "--policy", policy, "--format", "json", "--fail-on-change");

        table.ExitCode.Should().Be(0, table.ToString());
        table.StdErr.Should().BeEmpty();
        table.StdOut.Should().Contain("No findings differ");
        json.ExitCode.Should().Be(0, json.ToString());
        var doc = Json.Parse(json.StdOutBytes);
        doc.GetProperty("hasChanges").GetBoolean().Should().BeFalse();
        doc.GetProperty("changes").GetArrayLength().Should().Be(0);
        doc.Int("totals.raised").Should().Be(0);
        doc.Int("totals.cleared").Should().Be(0);
        doc.Int("totals.changed").Should().Be(0);
        doc.GetProperty("kinds").EnumerateArray().Should().OnlyContain(k => k.Int("baseline") == k.Int("proposed"));
    }

    [Fact]
    public void Impact_High91To60OnAGeneratedSnapshot_EqualsTheDifferenceOfTwoFullEvaluations()
    {
        var snapshot = Sample(2000, 11);
        var policy = _files.Write("high-60.json", High60);

        var result = CliProcess.Run("impact", snapshot, "--policy", policy, "--format", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        var engine = new SafeguardingEngine();
        var caseload = SnapshotJson.ReadFile(snapshot);
        var before = engine.Evaluate(caseload);
        var after = engine.Evaluate(caseload, new EvaluationOptions { Policy = new SafeguardingPolicy { VisitIntervalDays = new VisitIntervalPolicy { High = 60 } } });
        var old = before.Findings.ToDictionary(f => f.Id);
        var @new = after.Findings.ToDictionary(f => f.Id);
        var expected = @new.Keys.Except(old.Keys).Select(k => ("Raised", k))
            .Concat(old.Keys.Except(@new.Keys).Select(k => ("Cleared", k)))
            .Concat(@new.Keys.Intersect(old.Keys).Where(k => !Values(old[k]).Equals(Values(@new[k]))).Select(k => ("Changed", k)))
            .ToList();
        expected.Should().Contain(e => e.Item1 == "Raised").And.Contain(e => e.Item1 == "Changed");

        var doc = Json.Parse(result.StdOutBytes);
        var changes = doc.GetProperty("changes").EnumerateArray().Select(c => (c.Str("change")!, c.Str("key")!)).ToList();
        changes.Should().BeEquivalentTo(expected);
        doc.Int("totals.raised").Should().Be(expected.Count(e => e.Item1 == "Raised"));
        doc.Int("totals.cleared").Should().Be(expected.Count(e => e.Item1 == "Cleared"));
        doc.Int("totals.changed").Should().Be(expected.Count(e => e.Item1 == "Changed"));
        doc.Str("baselinePolicyVersion").Should().Be("default");
        doc.Str("proposedPolicyVersion").Should().Be("high-60");
        var overdue = doc.GetProperty("kinds").EnumerateArray().Single(k => k.Str("kind") == "VisitOverdue");
        overdue.Int("baseline").Should().Be(before.Findings.Count(f => f.Kind == FindingKinds.VisitOverdue));
        overdue.Int("proposed").Should().Be(after.Findings.Count(f => f.Kind == FindingKinds.VisitOverdue));
    }

    [Fact]
    public void Impact_FailOnChangeWhenFindingsDiffer_Exits1AndStillWritesTheReport()
    {
        var snapshot = _files.Write("caseload.json", TwoTeams().ToJsonString());
        var policy = _files.Write("high-60.json", High60);

        var result = CliProcess.Run("impact", snapshot, "--policy", policy, "--fail-on-change", "--format", "json");

        result.ExitCode.Should().Be(1, result.ToString());
        Json.Parse(result.StdOutBytes).GetProperty("hasChanges").GetBoolean().Should().BeTrue();
        result.StdErr.Should().Contain("6 findings differ").And.Contain("--fail-on-change");
        result.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Impact_OneFindingDiffers_SaysSoInTheSingular()
    {
        // RSO-1 (High, unallocated) visited 2018-02-15: due 2018-05-17 at 91 days, nothing; at 60 days due 2018-04-16, 15 days
        // overdue: the one difference. Its other findings (Unallocated) are the same under both policies.
        var snapshot = TwoTeams();
        snapshot["offenders"] = new JsonArray(Snapshots.Offender("RSO-1", "High"));
        snapshot["offenders"]![0]!["managerId"] = null;
        snapshot["visits"] = new JsonArray(new JsonObject { ["offenderId"] = "RSO-1", ["date"] = "2018-02-15", ["outcome"] = "Completed" });
        var path = _files.Write("one.json", snapshot.ToJsonString());
        var policy = _files.Write("high-60.json", High60);

        var result = CliProcess.Run("impact", path, "--policy", policy);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain("1 finding differs: 1 raised, 0 cleared, 0 changed; 1 offender, 0 managers and 0 teams affected.");
    }

    [Fact]
    public void Impact_SnapshotWithExtractedAtAndIdenticalPolicies_FailOnChangeExits0()
    {
        // Extracted 2018-05-01T10:00+01:00, no asOf: CUS-1, authorised 09:00+01:00 with nobody yet, has waited 60 minutes at the
        // as-of instant under either policy: no finding, nothing differs.
        var snapshot = _files.Write("extracted.json", """
            { "extractedAt": "2018-05-01T10:00:00+01:00", "managers": [], "offenders": [],
              "detentions": [ { "id": "CUS-1", "custodySuiteId": "CS-1", "juvenile": true, "authorisedAt": "2018-05-01T09:00:00+01:00" } ] }
            """);
        var policy = _files.Write("same.json", """{ "version": "same" }""");

        var result = CliProcess.Run("impact", snapshot, "--policy", policy, "--fail-on-change");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain("No findings differ");
    }

    [Fact]
    public void Impact_WithoutFailOnChange_Exits0WhenFindingsDiffer()
    {
        var snapshot = _files.Write("caseload.json", TwoTeams().ToJsonString());
        var policy = _files.Write("high-60.json", High60);

        var result = CliProcess.Run("impact", snapshot, "--policy", policy);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdErr.Should().BeEmpty();
        result.StdOut.Should().Contain("6 findings differ: 3 raised, 1 cleared, 2 changed; 3 offenders, 2 managers and 2 teams affected.");
    }

    [Fact]
    public void Impact_Table_GroupsByTeamAndKindWithCounts()
    {
        var snapshot = _files.Write("caseload.json", TwoTeams().ToJsonString());
        var policy = _files.Write("high-60.json", High60);

        var result = CliProcess.Run("impact", snapshot, "--policy", policy);

        result.ExitCode.Should().Be(0, result.ToString());
        var lines = result.StdOut.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("Differences by team and kind", StringComparison.Ordinal));
        start.Should().BeGreaterThan(0, result.StdOut);
        Cells(lines[start]).Should().Equal("Differences by team and kind", "Raised", "Cleared", "Changed", "Baseline", "Proposed");
        lines.Skip(start + 1).TakeWhile(l => l.Length > 0).Select(l => string.Join('|', Cells(l))).Should().Equal(
            "T-NORTH|1|0|2",
            "VisitOverdue|1|0|1|1|2",
            "UnitBacklog|0|0|1|1|1",
            "T-SOUTH|2|1|0",
            "VisitOverdue|1|0|0|0|1",
            "VisitDueSoon|0|1|0|1|0",
            "UnitBacklog|1|0|0|0|1");

        var kinds = Array.FindIndex(lines, l => l.StartsWith("Findings by kind", StringComparison.Ordinal));
        Cells(lines.Skip(kinds).First(l => l.StartsWith("VisitOverdue", StringComparison.Ordinal))).Should().Equal("VisitOverdue", "1", "3", "2", "0", "1");
        Cells(lines.Skip(kinds).First(l => l.StartsWith("Total", StringComparison.Ordinal))).Should().Equal("Total", "3", "5", "3", "1", "2");
        result.StdOut.Should().Contain("Affected teams: T-NORTH, T-SOUTH").And.Contain("Affected managers: OM-1, OM-2");
        var changes = lines.Where(l => l.Contains("RSO-1", StringComparison.Ordinal)).Should().ContainSingle().Subject;
        changes.Should().Contain("dueOn 2018-04-10 -> 2018-03-10; daysOverdue 21 -> 52");
    }

    [Fact]
    public void Impact_Json_ListsEachChangeWithItsFields()
    {
        var snapshot = _files.Write("caseload.json", TwoTeams().ToJsonString());
        var policy = _files.Write("high-60.json", High60);

        var result = CliProcess.Run("impact", snapshot, "--policy", policy, "--format", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        var doc = Json.Parse(result.StdOutBytes);
        doc.GetProperty("changes").EnumerateArray().Select(c => c.Str("change") + " " + c.Str("key")).Should().Equal(
            "Changed VisitOverdue:RSO-1",
            "Raised VisitOverdue:RSO-2",
            "Changed UnitBacklog:T-NORTH",
            "Raised VisitOverdue:RSO-3",
            "Cleared VisitDueSoon:RSO-3",
            "Raised UnitBacklog:T-SOUTH");
        var backlog = doc.GetProperty("changes")[2].GetProperty("fields").EnumerateArray().Should().ContainSingle().Subject;
        backlog.Str("field").Should().Be("overdueVisits");
        backlog.Int("baseline").Should().Be(1);
        backlog.Int("proposed").Should().Be(2);
        doc.At("affected.offenders").EnumerateArray().Select(e => e.GetString()).Should().Equal("RSO-1", "RSO-2", "RSO-3");
        Json.NullProperties(doc).Should().BeEmpty();
    }

    [Fact]
    public void Impact_JsonTwice_GivesIdenticalBytes()
    {
        var snapshot = Sample(1500, 2);
        var policy = _files.Write("high-60.json", High60);

        var first = CliProcess.Run("impact", snapshot, "--policy", policy, "--format", "json");
        var second = CliProcess.Run("impact", snapshot, "--policy", policy, "--format", "json");

        first.ExitCode.Should().Be(0, first.ToString());
        first.StdOutBytes.Should().NotBeEmpty();
        second.StdOutBytes.Should().Equal(first.StdOutBytes);
    }

    [Fact]
    public void Impact_BaselineFile_IsWhatTheProposedPolicyIsComparedWith()
    {
        var snapshot = _files.Write("caseload.json", TwoTeams().ToJsonString());
        var policy = _files.Write("high-60.json", High60);
        var baseline = _files.Write("current.json", """{ "version": "current", "visitIntervalDays": { "high": 60 } }""");

        var result = CliProcess.Run("impact", snapshot, "--policy", policy, "--baseline", baseline, "--format", "json", "--fail-on-change");

        result.ExitCode.Should().Be(0, result.ToString());
        var doc = Json.Parse(result.StdOutBytes);
        doc.Str("baselinePolicyVersion").Should().Be("current");
        doc.GetProperty("hasChanges").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public void Impact_AsOf_AppliesToBothEvaluations()
    {
        // As of 2018-04-01, RSO-1 (visited 2018-01-09) is due soon in 9 days by default and 22 days overdue at 60 days.
        var snapshot = _files.Write("caseload.json", TwoTeams().ToJsonString());
        var policy = _files.Write("high-60.json", High60);

        var result = CliProcess.Run("impact", snapshot, "--policy", policy, "--as-of", "2018-04-01", "--format", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        var doc = Json.Parse(result.StdOutBytes);
        doc.Str("asOf").Should().Be("2018-04-01");
        var raised = doc.GetProperty("changes").EnumerateArray().Single(c => c.Str("key") == "VisitOverdue:RSO-1");
        raised.Str("change").Should().Be("Raised");
        raised.Int("proposed.daysOverdue").Should().Be(22);
    }

    [Fact]
    public void Impact_BadPolicyFile_Exits2NamingTheProperty()
    {
        var snapshot = _files.Write("caseload.json", TwoTeams().ToJsonString());
        var policy = _files.Write("typo.json", """{ "visitIntervalDays": { "hgh": 60 } }""");

        var result = CliProcess.Run("impact", snapshot, "--policy", policy);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Should().Contain("typo.json").And.Contain("visitIntervalDays.hgh");
        result.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Impact_BadBaselineAndPolicy_Exits2NamingEveryProblem()
    {
        var snapshot = _files.Write("caseload.json", TwoTeams().ToJsonString());
        var policy = _files.Write("proposed.json", """{ "caseload": { "target": 80, "critical": 75 } }""");
        var baseline = _files.Write("current.json", """{ "dueSoonDays": -1 }""");

        var result = CliProcess.Run("impact", snapshot, "--policy", policy, "--baseline", baseline);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Should().Contain("proposed.json").And.Contain("caseload.critical");
        result.StdErr.Should().Contain("current.json").And.Contain("dueSoonDays");
    }

    [Fact]
    public void Impact_BadPoliciesAndBadSnapshot_ListsEveryProblemOfEachAtOnce()
    {
        var broken = TwoTeams();
        broken["offenders"]![1]!["riskLevel"] = "Extreme";
        var snapshot = _files.Write("caseload.json", broken.ToJsonString());
        var policy = _files.Write("proposed.json", """{ "caseload": { "target": 80, "critical": 75 } }""");
        var baseline = _files.Write("current.json", """{ "dueSoonDays": -1 }""");

        var result = CliProcess.Run("impact", snapshot, "--policy", policy, "--baseline", baseline);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(4, result.ToString());
        lines[0].Should().StartWith("error: " + policy + ": caseload.critical:");
        lines[1].Should().StartWith("error: " + baseline + ": dueSoonDays:");
        lines[2].Should().StartWith("error: " + snapshot + ": offenders[1] (id RSO-2) riskLevel:");
        lines[3].Should().Be("3 problems found in " + policy + ", " + baseline + " and " + snapshot + "; nothing was evaluated.");
    }

    [Fact]
    public void Impact_SnapshotWithProblems_Exits2ListingThem()
    {
        var broken = TwoTeams();
        broken["offenders"]![1]!["riskLevel"] = "Extreme";
        var snapshot = _files.Write("caseload.json", broken.ToJsonString());
        var policy = _files.Write("high-60.json", High60);

        var result = CliProcess.Run("impact", snapshot, "--policy", policy);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Should().Contain("offenders[1] (id RSO-2) riskLevel").And.Contain("nothing was evaluated");
        result.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Impact_OverrideValidOnlyUnderTheBaseline_NamesThePolicyItIsInvalidUnder()
    {
        // The policy in force lets T-NORTH's backlog be deferred; the proposed policy keeps the default kinds, which do not.
        var withOverride = TwoTeams();
        withOverride["overrides"] = new JsonArray(
            new JsonObject { ["id"] = "OV-1", ["findingId"] = "UnitBacklog:T-NORTH", ["reasonCode"] = "AUDIT", ["authorisedBy"] = "DS-1", ["from"] = "2018-04-20", ["until"] = "2018-05-15" });
        var snapshot = _files.Write("caseload.json", withOverride.ToJsonString());
        var policy = _files.Write("high-60.json", High60);
        var baseline = _files.Write("current.json", """{ "version": "current", "overrides": { "kinds": ["VisitOverdue", "UnitBacklog"] } }""");

        var result = CliProcess.Run("impact", snapshot, "--policy", policy, "--baseline", baseline);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "error: " + snapshot + ": overrides[0] (id OV-1) findingId: under the proposed policy (version high-60): names a UnitBacklog finding, a kind the policy's overrides.kinds does not list (VisitOverdue, VisitDueSoon, RepeatedNoAccess, RiskReviewOverdue, NeighbourhoodNotBriefed)",
            "1 problem in " + snapshot + "; nothing was evaluated.");
    }

    [Fact]
    public void Impact_OverrideRefusedByBothPoliciesInOtherWords_SaysBothRefuseIt()
    {
        // OV-1 covers 26 days: the policy in force allows 14, the proposed policy 20, so both refuse it, each in its own words.
        var withOverride = TwoTeams();
        withOverride["overrides"] = new JsonArray(
            new JsonObject { ["id"] = "OV-1", ["findingId"] = "VisitOverdue:RSO-1", ["reasonCode"] = "AUDIT", ["authorisedBy"] = "DS-1", ["from"] = "2018-04-20", ["until"] = "2018-05-15" });
        var snapshot = _files.Write("caseload.json", withOverride.ToJsonString());
        var policy = _files.Write("high-60.json", """{ "version": "high-60", "visitIntervalDays": { "high": 60 }, "overrides": { "maxDays": 20 } }""");
        var baseline = _files.Write("current.json", """{ "version": "current", "overrides": { "maxDays": 14 } }""");

        var result = CliProcess.Run("impact", snapshot, "--policy", policy, "--baseline", baseline);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "error: " + snapshot + ": overrides[0] (id OV-1) until: under both policies (by the baseline policy, version current): covers 26 days from from to until counted inclusively; overrides.maxDays allows at most 14",
            "error: " + snapshot + ": overrides[0] (id OV-1) until: under both policies (by the proposed policy, version high-60): covers 26 days from from to until counted inclusively; overrides.maxDays allows at most 20",
            "2 problems in " + snapshot + "; nothing was evaluated.");
    }

    [Fact]
    public void Impact_OverrideRefusedByBothPoliciesOnDifferentFields_SaysWhichPolicyRefusesItForEachReason()
    {
        // OV-1 defers T-NORTH's backlog for 26 days: the policy in force lists UnitBacklog but allows 14 days; the proposed
        // policy allows 90 days but keeps the default kinds, which do not list UnitBacklog. Both refuse it, for other fields.
        var withOverride = TwoTeams();
        withOverride["overrides"] = new JsonArray(
            new JsonObject { ["id"] = "OV-1", ["findingId"] = "UnitBacklog:T-NORTH", ["reasonCode"] = "AUDIT", ["authorisedBy"] = "DS-1", ["from"] = "2018-04-20", ["until"] = "2018-05-15" });
        var snapshot = _files.Write("caseload.json", withOverride.ToJsonString());
        var policy = _files.Write("high-60.json", High60);
        var baseline = _files.Write("current.json", """{ "version": "current", "overrides": { "maxDays": 14, "kinds": ["VisitOverdue", "UnitBacklog"] } }""");

        var result = CliProcess.Run("impact", snapshot, "--policy", policy, "--baseline", baseline);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "error: " + snapshot + ": overrides[0] (id OV-1) until: under the baseline policy only (version current; the proposed policy, version high-60, refuses it too, for findingId): covers 26 days from from to until counted inclusively; overrides.maxDays allows at most 14",
            "error: " + snapshot + ": overrides[0] (id OV-1) findingId: under the proposed policy only (version high-60; the baseline policy, version current, refuses it too, for until): names a UnitBacklog finding, a kind the policy's overrides.kinds does not list (VisitOverdue, VisitDueSoon, RepeatedNoAccess, RiskReviewOverdue, NeighbourhoodNotBriefed)",
            "2 problems in " + snapshot + "; nothing was evaluated.");
    }

    [Fact]
    public void Impact_WithoutPolicy_Exits2WithUsage()
    {
        var snapshot = _files.Write("caseload.json", TwoTeams().ToJsonString());

        var result = CliProcess.Run("impact", snapshot);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Should().Contain("--policy").And.Contain("Usage: safeguarding-rules impact");
    }

    [Fact]
    public void Impact_Output_WritesTheFileAndNothingToStandardOutput()
    {
        var snapshot = _files.Write("caseload.json", TwoTeams().ToJsonString());
        var policy = _files.Write("high-60.json", High60);
        var output = _files.Path("impact.json");

        var toFile = CliProcess.Run("impact", snapshot, "--policy", policy, "--format", "json", "--output", output);
        var toStdout = CliProcess.Run("impact", snapshot, "--policy", policy, "--format", "json");

        toFile.ExitCode.Should().Be(0, toFile.ToString());
        toFile.StdOutBytes.Should().BeEmpty();
        File.ReadAllBytes(output).Should().Equal(toStdout.StdOutBytes);
    }

    private static string[] Cells(string line) => line.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static object Values(Finding f) =>
        (f.ManagerId, f.TeamId, f.RiskLevel, f.NeighbourhoodId, f.Since, f.DueOn, f.DaysOverdue, f.DaysUntilDue, f.EscalateTo, (f.NoAccessVisits, f.OverdueVisits, f.Caseload));
}
