using System.Text.Json.Nodes;
using Safeguarding.Rules.Cli.Tests.Support;

namespace Safeguarding.Rules.Cli.Tests;

/// <summary>
/// Issue 14 item 3: policy values that validate and dates near 9999-12-31 must not crash <c>evaluate</c> or
/// <c>impact</c> (exit 1): a due date beyond the calendar is never reached.
/// </summary>
public sealed class CalendarLimitCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public static TheoryData<string> HugePolicies => new()
    {
        """{ "firstVisitDays": 3000000 }""",
        """{ "visitIntervalDays": { "veryHigh": 3000000, "high": 3000000, "medium": 3000000, "low": 3000000 } }""",
        """{ "initialAssessmentDays": 3000000 }""",
        """{ "riskReviewDays": 3000000 }""",
    };

    public void Dispose() => _files.Dispose();

    [Theory]
    [MemberData(nameof(HugePolicies))]
    public void EvaluateAndImpact_PolicyValueOfThreeMillionDays_ExitZero(string policyJson)
    {
        var snapshot = Snapshots.OneOverdue();
        var neverAssessed = Snapshots.Offender("RSO-2", "Low");
        neverAssessed["riskAssessedOn"] = null;
        snapshot["offenders"]!.AsArray().Add(neverAssessed);
        var snapshotPath = _files.Write("caseload.json", snapshot.ToJsonString());
        var policyPath = _files.Write("policy.json", policyJson);

        foreach (var format in new[] { "table", "json", "csv" })
        {
            var evaluate = CliProcess.Run("evaluate", snapshotPath, "--policy", policyPath, "--format", format);
            evaluate.ExitCode.Should().Be(0, evaluate.ToString());
        }

        var impact = CliProcess.Run("impact", snapshotPath, "--policy", policyPath, "--format", "json");
        impact.ExitCode.Should().Be(0, impact.ToString());
        CliProcess.Run("impact", snapshotPath, "--policy", policyPath).ExitCode.Should().Be(0);
    }

    [Fact]
    public void EvaluateAndImpact_DatesOnTheLastDayOfTheCalendar_ExitZero()
    {
        var snapshot = Snapshots.OneOverdue();
        snapshot["asOf"] = "9999-12-31";
        var offenders = snapshot["offenders"]!.AsArray();
        offenders[0]!["registeredOn"] = "9999-12-31";
        offenders[0]!["riskAssessedOn"] = "9999-12-31";
        var planned = Snapshots.Offender("RSO-2", "Low", registeredOn: "9990-01-01");
        planned["riskAssessedOn"] = "9999-12-30";
        planned["visitIntervalDays"] = 730;
        offenders.Add(planned);
        snapshot["visits"] = new JsonArray(new JsonObject { ["offenderId"] = "RSO-2", ["date"] = "9999-06-01", ["outcome"] = "Completed" });
        var snapshotPath = _files.Write("caseload.json", snapshot.ToJsonString());
        var policyPath = _files.Write("policy.json", """{ "visitIntervalDays": { "high": 60 } }""");

        var json = CliProcess.Run("evaluate", snapshotPath, "--format", "json");
        var table = CliProcess.Run("evaluate", snapshotPath);
        var impact = CliProcess.Run("impact", snapshotPath, "--policy", policyPath);

        json.ExitCode.Should().Be(0, json.ToString());
        table.ExitCode.Should().Be(0, table.ToString());
        impact.ExitCode.Should().Be(0, impact.ToString());
        var findings = Json.Parse(json.StdOutBytes).GetProperty("findings").EnumerateArray().ToList();
        findings.Should().NotContain(static f => f.GetProperty("kind").GetString() == "VisitOverdue" || f.GetProperty("kind").GetString() == "RiskReviewOverdue");
    }
}
