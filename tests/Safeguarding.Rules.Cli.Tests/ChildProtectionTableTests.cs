using System.Text.Json.Nodes;
using Safeguarding.Rules.Cli.Tests.Support;

namespace Safeguarding.Rules.Cli.Tests;

/// <summary>
/// The table output's child-protection section (issue 10): what is waiting now, first of the findings sections, with
/// police protections near their maximum listed from the snapshot (they are not findings yet).
/// </summary>
public sealed class ChildProtectionTableTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Evaluate_Table_ListsTheWaitingJuvenileThenProtectionsOverThenNearTheirMaximum()
    {
        var result = CliProcess.Run("evaluate", _files.Write("cp.json", Snapshot().ToJsonString()));

        result.ExitCode.Should().Be(0, result.ToString());
        var rows = SectionRows(result.StdOut);
        rows.Select(static r => r.Record).Should().Equal("CUS-1", "PP-OVER", "PP-70H", "PP-54H");
        rows[0].Line.Should().Contain("Appropriate adult").And.Contain("3 h 00 min");
        rows[1].Line.Should().Contain("Protection over its maximum").And.Contain("74 h");
        rows[2].Line.Should().Contain("Protection near its maximum").And.Contain("70 h 00 min of 72 h");
        rows[3].Line.Should().Contain("54 h 00 min of 72 h");
    }

    [Fact]
    public void Evaluate_TableWithAStricterMaximum_NearAndOverFollowThePolicy()
    {
        var policy = _files.Write("policy.json", """{ "childProtection": { "policeProtectionMaxHours": 60 } }""");

        var result = CliProcess.Run("evaluate", _files.Write("cp.json", Snapshot().ToJsonString()), "--policy", policy);

        result.ExitCode.Should().Be(0, result.ToString());
        var rows = SectionRows(result.StdOut);
        rows.Select(static r => r.Record).Should().Equal("CUS-1", "PP-OVER", "PP-70H", "PP-54H", "PP-36H");
        rows[2].Line.Should().Contain("Protection over its maximum");
        rows[4].Line.Should().Contain("36 h 00 min of 60 h");
    }

    [Fact]
    public void Evaluate_Table_OutcomesShowTheTwoChildProtectionMeasures()
    {
        // Two discussions held on Monday 2018-04-23, due one working day later (Tuesday 04-24): one recorded that day,
        // one on the Thursday, so 50.0% on time. Two juveniles whose appropriate adult arrived after 90 and 150 minutes:
        // median 120, max 150 (CUS-1, still waiting, is not in the measure).
        var snapshot = Snapshot();
        snapshot["strategyDiscussions"] = new JsonArray(
            new JsonObject { ["id"] = "SD-1", ["heldOn"] = "2018-04-23", ["outcomeRecordedOn"] = "2018-04-24" },
            new JsonObject { ["id"] = "SD-2", ["heldOn"] = "2018-04-23", ["outcomeRecordedOn"] = "2018-04-26" });
        var t = new DateTimeOffset(2018, 4, 30, 12, 0, 0, TimeSpan.Zero);
        snapshot["detentions"]!.AsArray().Add(Arrived("CUS-2", t, 90));
        snapshot["detentions"]!.AsArray().Add(Arrived("CUS-3", t, 150));

        var result = CliProcess.Run("evaluate", _files.Write("cp.json", snapshot.ToJsonString()));

        result.ExitCode.Should().Be(0, result.ToString());
        var lines = result.StdOut.ReplaceLineEndings("\n").Split('\n');
        lines.Should().ContainSingle(static l => l.StartsWith("Strategy outcomes recorded on time", StringComparison.Ordinal)).Which.Should().EndWith(" 50.0%");
        lines.Should().ContainSingle(static l => l.StartsWith("Appropriate adult wait, median", StringComparison.Ordinal)).Which.Should().EndWith(" 120 min");
        lines.Should().ContainSingle(static l => l.StartsWith("Appropriate adult wait, max", StringComparison.Ordinal)).Which.Should().EndWith(" 150 min");
    }

    [Fact]
    public void Evaluate_TableWithNothingWaiting_HasNoChildProtectionSection()
    {
        var result = CliProcess.Run("evaluate", _files.Write("caseload.json", Snapshots.OneOverdue().ToJsonString()));

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().NotContain("Child protection, waiting now");
    }

    /// <summary>
    /// Extracted at 12:00 UTC on 1 May 2018 (13:00 UK time). A juvenile authorised at 09:00 UTC has waited three
    /// hours with no appropriate adult. Police protections, each with its local authority informed after 30 minutes:
    /// PP-OVER 74 h in force, PP-70H 70 h, PP-54H 54 h, PP-36H 36 h, PP-ENDED ended after 35 h, PP-LATER started after
    /// the extract (treated as absent).
    /// </summary>
    private static JsonObject Snapshot()
    {
        var t = new DateTimeOffset(2018, 5, 1, 12, 0, 0, TimeSpan.Zero);
        var snapshot = Snapshots.OneOverdue();
        snapshot["extractedAt"] = "2018-05-01T13:00:00+01:00";
        snapshot["detentions"] = new JsonArray(new JsonObject
        {
            ["id"] = "CUS-1",
            ["custodySuiteId"] = "CS-1",
            ["juvenile"] = true,
            ["authorisedAt"] = Instant(t.AddHours(-3)),
        });
        snapshot["policeProtections"] = new JsonArray(
            Protection("PP-36H", t.AddHours(-36)),
            Protection("PP-70H", t.AddHours(-70)),
            Protection("PP-ENDED", t.AddHours(-80), ended: t.AddHours(-45)),
            Protection("PP-54H", t.AddHours(-54)),
            Protection("PP-OVER", t.AddHours(-74)),
            Protection("PP-LATER", t.AddHours(2)));
        return snapshot;
    }

    private static JsonObject Protection(string id, DateTimeOffset started, DateTimeOffset? ended = null) => new()
    {
        ["id"] = id,
        ["teamId"] = "T-NORTH",
        ["startedAt"] = Instant(started),
        ["localAuthorityInformedAt"] = Instant(started.AddMinutes(30)),
        ["endedAt"] = ended is { } e ? Instant(e) : null,
    };

    private static JsonObject Arrived(string id, DateTimeOffset authorised, int minutes) => new()
    {
        ["id"] = id,
        ["custodySuiteId"] = "CS-1",
        ["juvenile"] = true,
        ["authorisedAt"] = Instant(authorised),
        ["appropriateAdultArrivedAt"] = Instant(authorised.AddMinutes(minutes)),
        ["releasedAt"] = Instant(authorised.AddMinutes(minutes + 300)),
    };

    private static string Instant(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The rows of the section (after its heading and the table's header), with the record column.</summary>
    private static List<(string Record, string Line)> SectionRows(string output)
    {
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, static l => l.StartsWith("Child protection, waiting now", StringComparison.Ordinal));
        start.Should().BeGreaterThan(0, "the section is written: " + output);
        var rows = new List<(string, string)>();
        foreach (var line in lines.Skip(start + 2))
        {
            if (line.Length == 0)
            {
                break;
            }

            var record = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).First(static w => w.StartsWith("CUS-", StringComparison.Ordinal) || w.StartsWith("PP-", StringComparison.Ordinal));
            rows.Add((record, line));
        }

        return rows;
    }
}
