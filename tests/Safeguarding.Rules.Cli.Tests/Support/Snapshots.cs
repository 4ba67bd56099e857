using System.Text.Json.Nodes;

namespace Safeguarding.Rules.Cli.Tests.Support;

/// <summary>Small snapshots in the contract's format (section 1) whose findings can be worked out by hand.</summary>
internal static class Snapshots
{
    /// <summary>
    /// One High-risk offender of OM-017 in team T-NORTH, last visited (completed) 2018-01-09, assessed 2018-01-10,
    /// as of 2018-05-01. By contract section 2: due 2018-01-09 + 91 = 2018-04-10, 21 days overdue, escalated to
    /// DetectiveInspector (High risk and more than 7 days overdue); the team's 1 overdue visit is above 5% of its
    /// caseload of 1, so UnitBacklog for T-NORTH; nothing else.
    /// </summary>
    public static JsonObject OneOverdue() => new()
    {
        ["schemaVersion"] = 1,
        ["asOf"] = "2018-05-01",
        ["teams"] = new JsonArray(new JsonObject { ["id"] = "T-NORTH" }),
        ["managers"] = new JsonArray(new JsonObject { ["id"] = "OM-017", ["teamId"] = "T-NORTH" }),
        ["offenders"] = new JsonArray(Offender("RSO-000123", "High")),
        ["visits"] = new JsonArray(new JsonObject
        {
            ["offenderId"] = "RSO-000123",
            ["date"] = "2018-01-09",
            ["outcome"] = "Completed",
            ["announced"] = false,
        }),
        ["briefings"] = new JsonArray(),
    };

    public static JsonObject Offender(string id, string riskLevel, string registeredOn = "2015-03-02") => new()
    {
        ["id"] = id,
        ["managerId"] = "OM-017",
        ["riskLevel"] = riskLevel,
        ["riskAssessedOn"] = "2018-01-10",
        ["registeredOn"] = registeredOn,
        ["releasedOn"] = null,
        ["inCustody"] = false,
        ["reactiveManagement"] = false,
        ["visitIntervalDays"] = null,
        ["mappaLevel"] = 1,
    };

    public static JsonObject FirstOffender(this JsonObject snapshot) => snapshot["offenders"]![0]!.AsObject();
}
