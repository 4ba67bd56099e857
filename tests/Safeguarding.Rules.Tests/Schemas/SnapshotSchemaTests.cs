using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Tests.Schemas;

/// <summary>docs/schemas/snapshot.schema.json accepts what the library writes and rejects what it cannot read.</summary>
public sealed class SnapshotSchemaTests
{
    [Fact]
    public void BuiltInSample_AsTheCliWritesIt_IsValid()
    {
        // The CLI's built-in force: 2,000 offenders, seed 1, as of 2018-05-01.
        var sample = SyntheticCaseload.Generate(new SyntheticCaseloadOptions { Offenders = 2000, Seed = 1, AsOf = new DateOnly(2018, 5, 1) });

        PublishedSchemas.Errors(PublishedSchemas.Snapshot, Write(sample, indented: false)).Should().BeEmpty();
    }

    [Theory]
    [InlineData(1, 1UL)]
    [InlineData(500, 7UL)]
    public void SampleCommandOutput_IsValid(int offenders, ulong seed)
    {
        PublishedSchemas.Errors(PublishedSchemas.Snapshot, Write(SyntheticCaseload.Generate(offenders, seed), indented: true)).Should().BeEmpty();
    }

    [Fact]
    public void EveryOptionalField_TeamsBriefingsAndNulls_AreValid()
    {
        var snapshot = new CaseloadSnapshot
        {
            SchemaVersion = 1,
            AsOf = new DateOnly(2018, 5, 1),
            Teams = [new Team { Id = "T-1" }],
            Managers = [new Manager { Id = "OM-1", TeamId = "T-1" }],
            Offenders =
            [
                new Offender
                {
                    Id = "RSO-1", ManagerId = "OM-1", NeighbourhoodId = "NPT-1", RiskLevel = RiskLevel.VeryHigh,
                    RiskAssessedOn = new DateOnly(2018, 1, 1), RegisteredOn = new DateOnly(2015, 1, 1), ReleasedOn = new DateOnly(2016, 1, 1),
                    InCustody = true, ReactiveManagement = true, VisitIntervalDays = 730, MappaLevel = 3, MovedIntoNeighbourhoodOn = new DateOnly(2017, 1, 1),
                },
            ],
            Visits = [new Visit { OffenderId = "RSO-1", Date = new DateOnly(2018, 2, 1), Outcome = VisitOutcome.NoAccess, Announced = false }],
            Briefings = [new Briefing { OffenderId = "RSO-1", NeighbourhoodId = "NPT-1", Date = new DateOnly(2017, 1, 2) }],
        };
        const string nullsAndUnknowns = """
            { "schemaVersion": null, "asOf": null, "teams": null, "extractedBy": { "system": "x" },
              "managers": [ { "id": "OM-1", "teamId": null, "grade": 4 } ],
              "offenders": [ { "id": "RSO-1", "riskLevel": "Low", "registeredOn": "2015-01-01", "managerId": null, "inCustody": null,
                               "visitIntervalDays": 30.0, "mappaLevel": null, "nickname": [] } ],
              "visits": null, "briefings": [] }
            """;

        PublishedSchemas.Errors(PublishedSchemas.Snapshot, Write(snapshot, indented: true)).Should().BeEmpty();
        PublishedSchemas.Errors(PublishedSchemas.Snapshot, nullsAndUnknowns).Should().BeEmpty();
    }

    [Theory]
    [InlineData("not an object", """[ { "id": "RSO-1" } ]""")]
    [InlineData("schemaVersion 2", """{ "schemaVersion": 2 }""")]
    [InlineData("asOf not yyyy-MM-dd", """{ "asOf": "01/05/2018" }""")]
    [InlineData("an impossible date", """{ "asOf": "2018-02-30" }""")]
    [InlineData("offenders not an array", """{ "offenders": { "id": "RSO-1" } }""")]
    [InlineData("registeredOn missing", """{ "offenders": [ { "id": "RSO-1", "riskLevel": "Low" } ] }""")]
    [InlineData("an empty id", """{ "offenders": [ { "id": "", "riskLevel": "Low", "registeredOn": "2015-01-01" } ] }""")]
    [InlineData("riskLevel in the wrong case", """{ "offenders": [ { "id": "RSO-1", "riskLevel": "high", "registeredOn": "2015-01-01" } ] }""")]
    [InlineData("riskLevel as a number", """{ "offenders": [ { "id": "RSO-1", "riskLevel": 2, "registeredOn": "2015-01-01" } ] }""")]
    [InlineData("mappaLevel 4", """{ "offenders": [ { "id": "RSO-1", "riskLevel": "Low", "registeredOn": "2015-01-01", "mappaLevel": 4 } ] }""")]
    [InlineData("visitIntervalDays 731", """{ "offenders": [ { "id": "RSO-1", "riskLevel": "Low", "registeredOn": "2015-01-01", "visitIntervalDays": 731 } ] }""")]
    [InlineData("inCustody as a string", """{ "offenders": [ { "id": "RSO-1", "riskLevel": "Low", "registeredOn": "2015-01-01", "inCustody": "true" } ] }""")]
    [InlineData("a visit outcome not listed", """{ "visits": [ { "offenderId": "RSO-1", "date": "2018-01-01", "outcome": "Missed" } ] }""")]
    [InlineData("a briefing without its neighbourhood", """{ "briefings": [ { "offenderId": "RSO-1", "date": "2018-01-01" } ] }""")]
    [InlineData("a team without an id", """{ "teams": [ { } ] }""")]
    public void WrongDocument_IsRejected(string what, string json)
    {
        PublishedSchemas.Errors(PublishedSchemas.Snapshot, json).Should().NotBeEmpty(what);
    }

    private static byte[] Write(CaseloadSnapshot snapshot, bool indented)
    {
        using var stream = new MemoryStream();
        SnapshotJson.Write(snapshot, stream, indented);
        return stream.ToArray();
    }
}
