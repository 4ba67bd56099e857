using System.Text.Json.Nodes;
using Safeguarding.Rules.Cli.Tests.Support;

namespace Safeguarding.Rules.Cli.Tests;

/// <summary>Each class of bad input in contract section 3 stops <c>evaluate</c> with exit 2, naming the record and field on stderr.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("wrong JSON type", "offenders[0]", "registeredOn")]
    [InlineData("missing required field", "offenders[0]", "riskLevel")]
    [InlineData("unknown enum value", "offenders[0]", "riskLevel")]
    [InlineData("number as enum value", "offenders[0]", "riskLevel")]
    [InlineData("malformed date", "offenders[0]", "registeredOn")]
    [InlineData("impossible date", "offenders[0]", "riskAssessedOn")]
    [InlineData("duplicate offender ids", "offenders[1]", "id")]
    [InlineData("unknown manager", "offenders[0]", "managerId")]
    [InlineData("unknown team", "managers[0]", "teamId")]
    [InlineData("visit of an unknown offender", "visits[0]", "offenderId")]
    [InlineData("unknown visit outcome", "visits[0]", "outcome")]
    [InlineData("briefing without neighbourhood", "briefings[0]", "neighbourhoodId")]
    [InlineData("visit interval out of range", "offenders[0]", "visitIntervalDays")]
    [InlineData("MAPPA level out of range", "offenders[0]", "mappaLevel")]
    [InlineData("schema version 2", "schemaVersion", "schemaVersion")]
    public void Evaluate_BadInput_Exits2NamingTheRecordAndField(string badInput, string record, string field)
    {
        var path = _files.Write("caseload.json", Break(badInput).ToJsonString());

        var result = CliProcess.Run("evaluate", path, "--format", "json");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty("nothing is evaluated and no findings document is written");
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().Contain(l => l.Contains(record, StringComparison.Ordinal) && l.Contains(field, StringComparison.Ordinal), "stderr was: {0}", result.StdErr);
        result.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Evaluate_DuplicateIds_NamesEveryRecordSharingTheId()
    {
        var path = _files.Write("caseload.json", Break("duplicate offender ids").ToJsonString());

        var result = CliProcess.Run("evaluate", path);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty("not even the table's heading is written");
        result.StdErr.Should().Contain("offenders[0]").And.Contain("offenders[1]");
    }

    [Fact]
    public void Evaluate_UnparseableJson_Exits2WithTheLine()
    {
        var path = _files.Write("caseload.json", "{\n  \"offenders\": [\n    { \"id\": \"RSO-1\" ,, }\n  ]\n}\n");

        var result = CliProcess.Run("evaluate", path);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Should().MatchRegex("(?i)line");
        result.StdErr.Should().Contain("3", "the error is on line 3");
        result.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Validate_BadInput_Exits2ListingEveryProblem()
    {
        var snapshot = Snapshots.OneOverdue();
        snapshot.FirstOffender()["mappaLevel"] = 4;
        snapshot["visits"]![0]!["date"] = "2018-13-01";
        var path = _files.Write("caseload.json", snapshot.ToJsonString());

        var result = CliProcess.Run("validate", path);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().Contain(l => l.Contains("offenders[0]") && l.Contains("mappaLevel"));
        lines.Should().Contain(l => l.Contains("visits[0]") && l.Contains("date"));
    }

    private static JsonObject Break(string badInput)
    {
        var snapshot = Snapshots.OneOverdue();
        var offender = snapshot.FirstOffender();
        switch (badInput)
        {
            case "wrong JSON type":
                offender["registeredOn"] = 20150302;
                break;
            case "missing required field":
                offender.Remove("riskLevel");
                break;
            case "unknown enum value":
                offender["riskLevel"] = "Severe";
                break;
            case "number as enum value":
                offender["riskLevel"] = 2;
                break;
            case "malformed date":
                offender["registeredOn"] = "02/03/2015";
                break;
            case "impossible date":
                offender["riskAssessedOn"] = "2018-02-30";
                break;
            case "duplicate offender ids":
                snapshot["offenders"]!.AsArray().Add(Snapshots.Offender("RSO-000123", "Low"));
                break;
            case "unknown manager":
                offender["managerId"] = "OM-999";
                break;
            case "unknown team":
                snapshot["managers"]![0]!["teamId"] = "T-SOUTH";
                break;
            case "visit of an unknown offender":
                snapshot["visits"]![0]!["offenderId"] = "RSO-999999";
                break;
            case "unknown visit outcome":
                snapshot["visits"]![0]!["outcome"] = "Missed";
                break;
            case "briefing without neighbourhood":
                snapshot["briefings"]!.AsArray().Add(new JsonObject { ["offenderId"] = "RSO-000123", ["date"] = "2018-01-12" });
                break;
            case "visit interval out of range":
                offender["visitIntervalDays"] = 731;
                break;
            case "MAPPA level out of range":
                offender["mappaLevel"] = 4;
                break;
            case "schema version 2":
                snapshot["schemaVersion"] = 2;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(badInput), badInput, "Unknown bad-input class.");
        }

        return snapshot;
    }
}
