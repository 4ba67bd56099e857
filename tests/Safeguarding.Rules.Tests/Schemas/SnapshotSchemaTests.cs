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

    [Fact]
    public void EveryChildProtectionField_OffsetsFractionsAndNulls_AreValid()
    {
        var at = new DateTimeOffset(2018, 4, 30, 21, 15, 0, TimeSpan.FromHours(1));
        var snapshot = new CaseloadSnapshot
        {
            AsOf = new DateOnly(2018, 5, 1),
            ExtractedAt = new DateTimeOffset(2018, 5, 1, 18, 30, 15, 500, TimeSpan.FromHours(1)),
            Teams = [new Team { Id = "T-1" }],
            StrategyDiscussions =
            [
                new StrategyDiscussion
                {
                    Id = "SD-1", TeamId = "T-1", HeldOn = new DateOnly(2018, 4, 20), OutcomeRecordedOn = new DateOnly(2018, 4, 23),
                    Actions = [new StrategyAction { Id = "1", Owner = ActionOwner.Education, DueOn = new DateOnly(2018, 4, 27), CompletedOn = new DateOnly(2018, 4, 26) }],
                },
            ],
            Detentions =
            [
                new Detention
                {
                    Id = "CUS-1", CustodySuiteId = "CS-1", Juvenile = true, AuthorisedAt = at, AppropriateAdultArrivedAt = at.AddMinutes(95), ReleasedAt = at.AddHours(12),
                    Interviews = [new Interview { StartedAt = at.AddHours(3), AppropriateAdultPresent = false, UrgentInterviewAuthorised = true }],
                },
            ],
            PoliceProtections = [new PoliceProtection { Id = "PP-1", TeamId = "T-1", StartedAt = at, LocalAuthorityInformedAt = at.AddHours(5), EndedAt = at.AddDays(2) }],
        };
        const string offsetsAndNulls = """
            { "extractedAt": "2018-05-01T18:30-05:00",
              "strategyDiscussions": [ { "id": "SD-1", "heldOn": "2018-04-20", "teamId": null, "outcomeRecordedOn": null, "actions": null } ],
              "detentions": [ { "id": "CUS-1", "custodySuiteId": "CS-1", "juvenile": false, "authorisedAt": "2018-03-25T00:59:59.9999999Z",
                                "appropriateAdultArrivedAt": null, "releasedAt": "2018-03-25T02:00:00.5+01:00", "custodyNote": "x",
                                "interviews": [ { "startedAt": "2018-03-25T07:30+05:30", "appropriateAdultPresent": true, "urgentInterviewAuthorised": null } ] } ],
              "policeProtections": [ { "id": "PP-1", "startedAt": "2018-10-28T01:00:00+00:00", "localAuthorityInformedAt": null, "endedAt": null } ] }
            """;

        PublishedSchemas.Errors(PublishedSchemas.Snapshot, Write(snapshot, indented: true)).Should().BeEmpty();
        PublishedSchemas.Errors(PublishedSchemas.Snapshot, offsetsAndNulls).Should().BeEmpty();
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
    [InlineData("extractedAt without an offset", """{ "extractedAt": "2018-05-01T09:00:00" }""")]
    [InlineData("an instant with a space for T", """{ "detentions": [ { "id": "C-1", "custodySuiteId": "CS-1", "juvenile": true, "authorisedAt": "2018-05-01 09:00Z" } ] }""")]
    [InlineData("an instant with eight fraction digits", """{ "policeProtections": [ { "id": "P-1", "startedAt": "2018-05-01T09:00:00.12345678Z" } ] }""")]
    [InlineData("an instant at hour 24", """{ "policeProtections": [ { "id": "P-1", "startedAt": "2018-05-01T24:00Z" } ] }""")]
    [InlineData("juvenile as a string", """{ "detentions": [ { "id": "C-1", "custodySuiteId": "CS-1", "juvenile": "true", "authorisedAt": "2018-05-01T09:00Z" } ] }""")]
    [InlineData("a detention without its custody suite", """{ "detentions": [ { "id": "C-1", "juvenile": false, "authorisedAt": "2018-05-01T09:00Z" } ] }""")]
    [InlineData("an interview without appropriateAdultPresent", """{ "detentions": [ { "id": "C-1", "custodySuiteId": "CS-1", "juvenile": true, "authorisedAt": "2018-05-01T09:00Z", "interviews": [ { "startedAt": "2018-05-01T10:00Z" } ] } ] }""")]
    [InlineData("an action owner not listed", """{ "strategyDiscussions": [ { "id": "SD-1", "heldOn": "2018-04-20", "actions": [ { "id": "1", "owner": "Probation", "dueOn": "2018-04-27" } ] } ] }""")]
    [InlineData("a discussion without heldOn", """{ "strategyDiscussions": [ { "id": "SD-1" } ] }""")]
    [InlineData("a protection without startedAt", """{ "policeProtections": [ { "id": "P-1" } ] }""")]
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
