using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Tests.Serialization;

public sealed class SnapshotJsonReadTests
{
    [Fact]
    public void Read_ContractExample_GivesTheTypedRecordsItDescribes()
    {
        var snapshot = JsonText.Read(JsonText.ContractSnapshot);

        snapshot.Problems.Should().BeEmpty();
        snapshot.Snapshot.SchemaVersion.Should().Be(1);
        snapshot.Snapshot.AsOf.Should().Be(new DateOnly(2018, 5, 1));
        snapshot.Snapshot.Teams.Should().Equal(new Team { Id = "T-NORTH", SourceIndex = 0 });
        snapshot.Snapshot.Managers.Should().Equal(new Manager { Id = "OM-017", TeamId = "T-NORTH", SourceIndex = 0 });
        snapshot.Snapshot.Offenders.Should().Equal(new Offender
        {
            Id = "RSO-000123",
            ManagerId = "OM-017",
            NeighbourhoodId = "NPT-07",
            RiskLevel = RiskLevel.High,
            RiskAssessedOn = new DateOnly(2018, 1, 10),
            RegisteredOn = new DateOnly(2015, 3, 2),
            ReleasedOn = null,
            InCustody = false,
            ReactiveManagement = false,
            VisitIntervalDays = null,
            MappaLevel = 1,
            MovedIntoNeighbourhoodOn = new DateOnly(2017, 11, 20),
            SourceIndex = 0,
        });
        snapshot.Snapshot.Visits.Should().Equal(new Visit { OffenderId = "RSO-000123", Date = new DateOnly(2018, 2, 1), Outcome = VisitOutcome.Completed, Announced = false, SourceIndex = 0 });
        snapshot.Snapshot.Briefings.Should().Equal(new Briefing { OffenderId = "RSO-000123", NeighbourhoodId = "NPT-07", Date = new DateOnly(2017, 11, 23), SourceIndex = 0 });
        snapshot.OffenderRecordCount.Should().Be(1);
    }

    [Theory]
    [InlineData("2017\\u002D01\\u002D31", null)]
    [InlineData("\\u0032017-02-28", null)]
    [InlineData("2017\\u002D02\\u002D29", "is not a real date: that day does not exist in the calendar")]
    [InlineData("2017\\u002F01\\u002F31", "must be a date in the form yyyy-MM-dd")]
    public void Read_DateWrittenWithEscapes_ReadsAsTheSameTextUnescaped(string written, string? problem)
    {
        var read = JsonText.Read("{ \"offenders\": [ { \"id\": \"RSO-1\", \"riskLevel\": \"Low\", \"registeredOn\": \"" + written + "\" } ] }");

        if (problem is null)
        {
            read.Problems.Should().BeEmpty();
            read.Snapshot.Offenders.Should().ContainSingle().Which.RegisteredOn.Should().Be(DateOnly.ParseExact(System.Text.RegularExpressions.Regex.Unescape(written), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            read.Problems.Should().ContainSingle().Which.Problem.Should().Be(problem);
        }
    }

    [Fact]
    public void Read_ContractExample_EvaluatesWithoutProblems()
    {
        var report = new SafeguardingEngine().Evaluate(JsonText.Read(JsonText.ContractSnapshot));

        report.IsEvaluated.Should().BeTrue();
        report.Problems.Should().BeEmpty();
        report.Summary.Offenders.Should().Be(1);
    }

    [Fact]
    public void Read_EveryOptionalFieldGiven_ReadsEachOne()
    {
        var snapshot = JsonText.ReadOffenders("""
            { "id": "RSO-9", "managerId": "OM-1", "neighbourhoodId": "N-1", "riskLevel": "VeryHigh", "riskAssessedOn": "2017-12-31",
              "registeredOn": "2010-01-01", "releasedOn": "2016-02-29", "inCustody": true, "reactiveManagement": true,
              "visitIntervalDays": 730, "mappaLevel": 3, "movedIntoNeighbourhoodOn": "2016-03-01" }
            """);

        snapshot.Problems.Should().BeEmpty();
        snapshot.Snapshot.Offenders.Should().Equal(new Offender
        {
            Id = "RSO-9",
            ManagerId = "OM-1",
            NeighbourhoodId = "N-1",
            RiskLevel = RiskLevel.VeryHigh,
            RiskAssessedOn = new DateOnly(2017, 12, 31),
            RegisteredOn = new DateOnly(2010, 1, 1),
            ReleasedOn = new DateOnly(2016, 2, 29),
            InCustody = true,
            ReactiveManagement = true,
            VisitIntervalDays = 730,
            MappaLevel = 3,
            MovedIntoNeighbourhoodOn = new DateOnly(2016, 3, 1),
            SourceIndex = 0,
        });
    }

    [Fact]
    public void Read_NullForEveryOptionalField_MeansAbsent()
    {
        var snapshot = JsonText.Read("""
            { "schemaVersion": null, "asOf": null, "teams": null, "briefings": null,
              "managers": [ { "id": "OM-1", "teamId": null } ],
              "offenders": [ { "id": "RSO-1", "managerId": null, "neighbourhoodId": null, "riskLevel": "Low", "riskAssessedOn": null,
                               "registeredOn": "2015-03-02", "releasedOn": null, "inCustody": null, "reactiveManagement": null,
                               "visitIntervalDays": null, "mappaLevel": null, "movedIntoNeighbourhoodOn": null } ],
              "visits": [ { "offenderId": "RSO-1", "date": "2018-01-01", "outcome": "NoAccess", "announced": null } ] }
            """);

        snapshot.Problems.Should().BeEmpty();
        snapshot.Snapshot.SchemaVersion.Should().BeNull();
        snapshot.Snapshot.AsOf.Should().BeNull();
        snapshot.Snapshot.Teams.Should().BeNull();
        snapshot.Snapshot.Briefings.Should().BeEmpty();
        snapshot.Snapshot.Managers.Should().Equal(new Manager { Id = "OM-1", SourceIndex = 0 });
        snapshot.Snapshot.Offenders.Should().Equal(new Offender { Id = "RSO-1", RiskLevel = RiskLevel.Low, RegisteredOn = new DateOnly(2015, 3, 2), SourceIndex = 0 });
        snapshot.Snapshot.Visits.Should().Equal(new Visit { OffenderId = "RSO-1", Date = new DateOnly(2018, 1, 1), Outcome = VisitOutcome.NoAccess, SourceIndex = 0 });
    }

    [Fact]
    public void Read_TeamsAbsent_GivesNullTeams()
    {
        var snapshot = JsonText.Read("""{ "managers": [ { "id": "OM-1", "teamId": "T-1" } ] }""");

        snapshot.Problems.Should().BeEmpty();
        snapshot.Snapshot.Teams.Should().BeNull();
    }

    [Fact]
    public void Read_TeamsPresentButEmpty_GivesEmptyTeams()
    {
        var snapshot = JsonText.Read("""{ "teams": [], "managers": [ { "id": "OM-1", "teamId": "T-1" } ] }""");

        snapshot.Problems.Should().BeEmpty();
        snapshot.Snapshot.Teams.Should().NotBeNull().And.BeEmpty();
    }

    [Fact]
    public void Read_EmptyObject_IsAnEmptySnapshot()
    {
        var snapshot = JsonText.Read("{}");

        snapshot.Problems.Should().BeEmpty();
        snapshot.Snapshot.Teams.Should().BeNull();
        snapshot.Snapshot.Managers.Should().BeEmpty();
        snapshot.Snapshot.Offenders.Should().BeEmpty();
        snapshot.Snapshot.Visits.Should().BeEmpty();
        snapshot.Snapshot.Briefings.Should().BeEmpty();
    }

    [Fact]
    public void Read_UnknownPropertiesOfEveryShape_AreIgnored()
    {
        var snapshot = JsonText.Read("""
            {
              "exportedBy": "force system 4.2",
              "extra": { "nested": [ 1, { "deep": [ [ null ] ] } ], "flag": true },
              "asOf": "2018-05-01",
              "managers": [ { "id": "OM-1", "grade": "DC", "notes": [ "x" ] } ],
              "offenders": [ { "surname": "Anyone", "id": "RSO-1", "aliases": [ { "name": "X" } ], "riskLevel": "Medium",
                               "registeredOn": "2015-03-02", "score": 12.5, "checked": false, "nothing": null } ],
              "visits": [ { "offenderId": "RSO-1", "date": "2018-01-01", "outcome": "Cancelled", "officer": { "id": 7 } } ],
              "briefings": [ { "offenderId": "RSO-1", "neighbourhoodId": "N-1", "date": "2018-01-02", "by": "PCSO" } ],
              "trailer": [ ]
            }
            """);

        snapshot.Problems.Should().BeEmpty();
        snapshot.Snapshot.AsOf.Should().Be(new DateOnly(2018, 5, 1));
        snapshot.Snapshot.Managers.Should().Equal(new Manager { Id = "OM-1", SourceIndex = 0 });
        snapshot.Snapshot.Offenders.Should().Equal(new Offender { Id = "RSO-1", RiskLevel = RiskLevel.Medium, RegisteredOn = new DateOnly(2015, 3, 2), SourceIndex = 0 });
        snapshot.Snapshot.Visits.Should().ContainSingle().Which.Outcome.Should().Be(VisitOutcome.Cancelled);
        snapshot.Snapshot.Briefings.Should().ContainSingle().Which.NeighbourhoodId.Should().Be("N-1");
    }

    [Fact]
    public void Read_PropertiesInAnyOrder_ReadTheSame()
    {
        var snapshot = JsonText.Read("""
            { "offenders": [ { "registeredOn": "2015-03-02", "riskLevel": "Low", "id": "RSO-1" } ], "asOf": "2018-05-01", "schemaVersion": 1 }
            """);

        snapshot.Problems.Should().BeEmpty();
        snapshot.Snapshot.SchemaVersion.Should().Be(1);
        snapshot.Snapshot.Offenders.Should().Equal(new Offender { Id = "RSO-1", RiskLevel = RiskLevel.Low, RegisteredOn = new DateOnly(2015, 3, 2), SourceIndex = 0 });
    }

    [Fact]
    public void Read_SourceIndex_IsThePositionInTheArrayCountingMalformedRecords()
    {
        var snapshot = JsonText.ReadOffenders(
            """{ "id": "RSO-0", "riskLevel": "Low", "registeredOn": "2015-03-02" }""",
            """{ "id": "RSO-1", "riskLevel": "Unknown", "registeredOn": "2015-03-02" }""",
            """{ "id": "RSO-2", "riskLevel": "Low", "registeredOn": "2015-03-02" }""");

        snapshot.Snapshot.Offenders.Select(o => (o.Id, o.SourceIndex)).Should().Equal(("RSO-0", 0), ("RSO-2", 2));
        snapshot.OffenderRecordCount.Should().Be(3);
    }

    [Fact]
    public void Read_WholeNumbersWrittenAsDecimals_AreAccepted()
    {
        var snapshot = JsonText.Read("""
            { "schemaVersion": 1.0, "offenders": [ { "id": "RSO-1", "riskLevel": "Low", "registeredOn": "2015-03-02", "visitIntervalDays": 3e1, "mappaLevel": 2.00 } ] }
            """);

        snapshot.Problems.Should().BeEmpty();
        snapshot.Snapshot.SchemaVersion.Should().Be(1);
        snapshot.Snapshot.Offenders[0].VisitIntervalDays.Should().Be(30);
        snapshot.Snapshot.Offenders[0].MappaLevel.Should().Be(2);
    }

    [Fact]
    public void Read_EscapedStrings_AreUnescaped()
    {
        var snapshot = JsonText.ReadOffenders("""{ "id": "RSO-\u00e9\"1", "riskLevel": "\u0048igh", "registeredOn": "2015\u002d03-02" }""");

        snapshot.Problems.Should().BeEmpty();
        snapshot.Snapshot.Offenders.Should().ContainSingle().Which.Should().Be(new Offender { Id = "RSO-é\"1", RiskLevel = RiskLevel.High, RegisteredOn = new DateOnly(2015, 3, 2), SourceIndex = 0 });
    }

    [Fact]
    public void Read_Utf8ByteOrderMark_IsAllowed()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];
        var snapshot = SnapshotJson.Read([.. bom, .. JsonText.Utf8(JsonText.ContractSnapshot)]);

        snapshot.Problems.Should().BeEmpty();
        snapshot.Snapshot.Offenders.Should().ContainSingle();
    }

    [Fact]
    public void Read_NonSeekableStreamInSmallChunks_ReadsTheSameAsTheBytes()
    {
        var records = Enumerable.Range(0, 2000).Select(i => $$"""{ "id": "RSO-{{i}}", "riskLevel": "Low", "registeredOn": "2015-03-02" }""");
        var bytes = JsonText.Utf8("""{ "offenders": [ """ + string.Join(",\n", records) + " ] }");
        bytes.Length.Should().BeGreaterThan(64 * 1024, "the buffer must grow");

        var fromStream = SnapshotJson.Read(new ChunkedStream(bytes, 1000));
        var fromBytes = SnapshotJson.Read(bytes);

        fromStream.Problems.Should().BeEmpty();
        fromStream.Snapshot.Offenders.Should().HaveCount(2000).And.Equal(fromBytes.Snapshot.Offenders);
    }

    [Fact]
    public void Read_MemoryStreamFromItsPosition_ReadsTheRest()
    {
        var bytes = JsonText.Utf8("garbage" + JsonText.ContractSnapshot);
        using var stream = new MemoryStream(bytes);
        stream.Position = "garbage".Length;

        var snapshot = SnapshotJson.Read(stream);

        snapshot.Problems.Should().BeEmpty();
        snapshot.Snapshot.Offenders.Should().ContainSingle();
        stream.Position.Should().Be(bytes.Length);
    }

    [Fact]
    public void ReadFile_ContractExample_ReadsTheSameAsTheBytes()
    {
        var path = Path.Combine(Path.GetTempPath(), "snapshot-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            File.WriteAllText(path, JsonText.ContractSnapshot);

            var snapshot = SnapshotJson.ReadFile(path);

            snapshot.Problems.Should().BeEmpty();
            snapshot.Snapshot.Offenders.Should().Equal(JsonText.Read(JsonText.ContractSnapshot).Snapshot.Offenders);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadFile_MissingFile_Throws()
    {
        var act = () => SnapshotJson.ReadFile(Path.Combine(Path.GetTempPath(), "missing-" + Guid.NewGuid().ToString("N") + ".json"));

        act.Should().Throw<FileNotFoundException>();
    }
}
