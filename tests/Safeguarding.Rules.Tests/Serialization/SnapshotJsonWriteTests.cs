using System.Text.Json;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Tests.Serialization;

public sealed class SnapshotJsonWriteTests
{
    [Fact]
    public void Write_ContractExample_RoundTripsRecordByRecord()
    {
        var original = JsonText.Read(JsonText.ContractSnapshot);

        var copy = JsonText.Read(JsonText.Write(original));

        copy.Problems.Should().BeEmpty();
        copy.Snapshot.SchemaVersion.Should().Be(original.Snapshot.SchemaVersion);
        copy.Snapshot.AsOf.Should().Be(original.Snapshot.AsOf);
        copy.Snapshot.Teams.Should().Equal(original.Snapshot.Teams);
        copy.Snapshot.Managers.Should().Equal(original.Snapshot.Managers);
        copy.Snapshot.Offenders.Should().Equal(original.Snapshot.Offenders);
        copy.Snapshot.Visits.Should().Equal(original.Snapshot.Visits);
        copy.Snapshot.Briefings.Should().Equal(original.Snapshot.Briefings);
    }

    [Fact]
    public void Write_ContractExample_WritesTheContractShape()
    {
        var text = JsonText.Write(JsonText.Read(JsonText.ContractSnapshot));

        // Section 1's example with the optional values that are absent (null or false) left out.
        var expected = """
            {"schemaVersion":1,"asOf":"2018-05-01","teams":[{"id":"T-NORTH"}],"managers":[{"id":"OM-017","teamId":"T-NORTH"}],
            "offenders":[{"id":"RSO-000123","managerId":"OM-017","neighbourhoodId":"NPT-07","riskLevel":"High","riskAssessedOn":"2018-01-10",
            "registeredOn":"2015-03-02","mappaLevel":1,"movedIntoNeighbourhoodOn":"2017-11-20"}],
            "visits":[{"offenderId":"RSO-000123","date":"2018-02-01","outcome":"Completed","announced":false}],
            "briefings":[{"offenderId":"RSO-000123","neighbourhoodId":"NPT-07","date":"2017-11-23"}]}
            """;
        text.Should().Be(expected.ReplaceLineEndings(string.Empty));
    }

    [Fact]
    public void Write_FlagsAndOptionalNumbers_WrittenWhenSet()
    {
        var snapshot = new CaseloadSnapshot
        {
            Offenders =
            [
                new Offender { Id = "RSO-1", RiskLevel = RiskLevel.VeryHigh, RegisteredOn = new DateOnly(999, 1, 2), InCustody = true, ReactiveManagement = true, VisitIntervalDays = 60, ReleasedOn = new DateOnly(2016, 2, 29) },
            ],
            Visits = [new Visit { OffenderId = "RSO-1", Date = new DateOnly(2018, 1, 1), Outcome = VisitOutcome.NoAccess, Announced = true }, new Visit { OffenderId = "RSO-1", Date = new DateOnly(2018, 1, 2), Outcome = VisitOutcome.Cancelled }],
        };

        using var document = JsonDocument.Parse(JsonText.Write(snapshot));

        var offender = document.RootElement.GetProperty("offenders")[0];
        offender.EnumerateObject().Select(p => p.Name).Should().Equal("id", "riskLevel", "registeredOn", "releasedOn", "inCustody", "reactiveManagement", "visitIntervalDays");
        offender.GetProperty("riskLevel").GetString().Should().Be("VeryHigh");
        offender.GetProperty("registeredOn").GetString().Should().Be("0999-01-02");
        offender.GetProperty("releasedOn").GetString().Should().Be("2016-02-29");
        offender.GetProperty("inCustody").GetBoolean().Should().BeTrue();
        offender.GetProperty("reactiveManagement").GetBoolean().Should().BeTrue();
        offender.GetProperty("visitIntervalDays").GetInt32().Should().Be(60);
        var visits = document.RootElement.GetProperty("visits");
        visits[0].GetProperty("outcome").GetString().Should().Be("NoAccess");
        visits[0].GetProperty("announced").GetBoolean().Should().BeTrue();
        visits[1].GetProperty("outcome").GetString().Should().Be("Cancelled");
        visits[1].TryGetProperty("announced", out _).Should().BeFalse();
        document.RootElement.TryGetProperty("schemaVersion", out _).Should().BeFalse();
        document.RootElement.TryGetProperty("asOf", out _).Should().BeFalse();
    }

    [Fact]
    public void Write_InterviewNotUrgent_LeavesUrgentInterviewAuthorisedOutLikeTheOtherOptionalFlags()
    {
        // Contract section 6: "Booleans are always written in the output, false included" is of the findings document
        // (the output, section 5; a snapshot is input, section 1). In a snapshot urgentInterviewAuthorised is optional,
        // "default false", and absent means false, so the writer leaves a false one out, as it does inCustody,
        // reactiveManagement and announced; required booleans (juvenile, appropriateAdultPresent) are always written.
        var authorised = new DateTimeOffset(2018, 4, 30, 20, 0, 0, TimeSpan.Zero);
        var snapshot = new CaseloadSnapshot
        {
            Offenders = [new Offender { Id = "RSO-1", RiskLevel = RiskLevel.Low, RegisteredOn = new DateOnly(2015, 3, 2) }],
            Detentions =
            [
                new Detention
                {
                    Id = "D-1", CustodySuiteId = "CS-1", Juvenile = false, AuthorisedAt = authorised,
                    Interviews =
                    [
                        new Interview { StartedAt = authorised.AddHours(1), AppropriateAdultPresent = false, UrgentInterviewAuthorised = false },
                        new Interview { StartedAt = authorised.AddHours(2), AppropriateAdultPresent = false, UrgentInterviewAuthorised = true },
                    ],
                },
            ],
        };

        var text = JsonText.Write(snapshot);

        using var document = JsonDocument.Parse(text);
        var detention = document.RootElement.GetProperty("detentions")[0];
        detention.GetProperty("juvenile").GetBoolean().Should().BeFalse();
        var interviews = detention.GetProperty("interviews");
        interviews[0].EnumerateObject().Select(static p => p.Name).Should().Equal("startedAt", "appropriateAdultPresent");
        interviews[0].GetProperty("appropriateAdultPresent").GetBoolean().Should().BeFalse();
        interviews[1].EnumerateObject().Select(static p => p.Name).Should().Equal("startedAt", "appropriateAdultPresent", "urgentInterviewAuthorised");
        interviews[1].GetProperty("urgentInterviewAuthorised").GetBoolean().Should().BeTrue();
        JsonText.Read(text).Snapshot.Detentions.Should().BeEquivalentTo(snapshot.Detentions);
    }

    [Fact]
    public void Write_TeamsAbsentAndEmpty_AreKeptApart()
    {
        var withoutTeams = JsonText.Read(JsonText.Write(new CaseloadSnapshot { Teams = null }));
        var withNoTeams = JsonText.Read(JsonText.Write(new CaseloadSnapshot { Teams = [] }));

        withoutTeams.Snapshot.Teams.Should().BeNull();
        withNoTeams.Snapshot.Teams.Should().NotBeNull().And.BeEmpty();
    }

    [Fact]
    public void Write_TextNeedingEscapes_RoundTrips()
    {
        var snapshot = new CaseloadSnapshot
        {
            Managers = [new Manager { Id = "OM \"quoted\" \\ back\tslash\n", TeamId = "Équipe-<1>&+'" }],
        };

        var copy = JsonText.Read(JsonText.Write(snapshot));

        copy.Problems.Should().BeEmpty();
        copy.Snapshot.Managers.Should().Equal(snapshot.Managers.Select(m => m with { SourceIndex = 0 }));
    }

    [Fact]
    public void Write_LargeGeneratedSnapshot_RoundTripsRecordByRecord()
    {
        var original = Generate(offenders: 50_000);

        using var stream = new MemoryStream();
        SnapshotJson.Write(original, stream);
        stream.Position = 0;
        var copy = SnapshotJson.Read(stream);

        copy.Problems.Should().BeEmpty();
        copy.Snapshot.SchemaVersion.Should().Be(original.SchemaVersion);
        copy.Snapshot.AsOf.Should().Be(original.AsOf);
        copy.Snapshot.Teams.Should().Equal(original.Teams);
        copy.Snapshot.Managers.Should().Equal(original.Managers);
        copy.Snapshot.Offenders.Should().HaveCount(50_000).And.Equal(original.Offenders);
        copy.Snapshot.Visits.Should().Equal(original.Visits);
        copy.Snapshot.Briefings.Should().Equal(original.Briefings);
    }

    [Fact]
    public void Write_SameSnapshotTwice_GivesIdenticalBytes()
    {
        var snapshot = Generate(offenders: 500);

        using var first = new MemoryStream();
        using var second = new MemoryStream();
        SnapshotJson.Write(snapshot, first);
        SnapshotJson.Write(snapshot, second);

        first.ToArray().Should().Equal(second.ToArray());
    }

    [Fact]
    public void Write_Indented_UsesLineFeedsAndReadsBack()
    {
        var snapshot = JsonText.Read(JsonText.ContractSnapshot);

        var text = JsonText.Write(snapshot, indented: true);

        text.Should().Contain("\n  \"offenders\": [").And.NotContain("\r");
        JsonText.Read(text).Snapshot.Offenders.Should().Equal(snapshot.Snapshot.Offenders);
    }

    [Fact]
    public void WriteFile_ThenReadFile_RoundTrips()
    {
        var snapshot = Generate(offenders: 100);
        var path = Path.Combine(Path.GetTempPath(), "snapshot-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            SnapshotJson.WriteFile(snapshot, path);

            var copy = SnapshotJson.ReadFile(path);

            copy.Problems.Should().BeEmpty();
            copy.Snapshot.Offenders.Should().Equal(snapshot.Offenders);
            copy.Snapshot.Visits.Should().Equal(snapshot.Visits);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Write_UndefinedRiskLevel_ThrowsNamingTheRecordNotTheValue()
    {
        var snapshot = new CaseloadSnapshot
        {
            Offenders = [new Offender { Id = "RSO-1", RiskLevel = RiskLevel.Low, RegisteredOn = new DateOnly(2015, 1, 1) }, new Offender { Id = "RSO-2", RiskLevel = (RiskLevel)9, RegisteredOn = new DateOnly(2015, 1, 1) }],
        };

        var act = () => SnapshotJson.Write(snapshot, Stream.Null);

        act.Should().Throw<ArgumentException>().WithMessage("offenders[1].riskLevel*");
    }

    [Fact]
    public void Write_ReadSnapshotWithMalformedRecords_WritesOnlyTheTypedRecords()
    {
        var snapshot = JsonText.ReadOffenders(JsonText.ValidOffender, JsonText.Offender(("riskLevel", "\"Extreme\"")));

        var copy = JsonText.Read(JsonText.Write(snapshot));

        copy.Problems.Should().BeEmpty();
        copy.Snapshot.Offenders.Select(o => o.Id).Should().Equal("RSO-1");
    }

    /// <summary>A snapshot with every kind of record and every optional field both set and absent, records indexed as the reader indexes them.</summary>
    private static CaseloadSnapshot Generate(int offenders)
    {
        var teams = Enumerable.Range(0, 20).Select(t => new Team { Id = $"T-{t:D2}", SourceIndex = t }).ToList();
        var managers = Enumerable.Range(0, offenders / 50).Select(m => new Manager { Id = $"OM-{m:D4}", TeamId = m % 7 == 0 ? null : $"T-{m % 20:D2}", SourceIndex = m }).ToList();
        var start = new DateOnly(2000, 1, 1);
        var offenderList = new List<Offender>(offenders);
        var visits = new List<Visit>(offenders * 2);
        var briefings = new List<Briefing>();
        for (var i = 0; i < offenders; i++)
        {
            var id = $"RSO-{i:D7}";
            offenderList.Add(new Offender
            {
                Id = id,
                ManagerId = i % 11 == 0 || managers.Count == 0 ? null : managers[i % managers.Count].Id,
                NeighbourhoodId = i % 3 == 0 ? null : $"NPT-{i % 97:D2}",
                RiskLevel = (RiskLevel)(i % 4),
                RiskAssessedOn = i % 5 == 0 ? null : start.AddDays(i % 6000),
                RegisteredOn = start.AddDays(i % 6500),
                ReleasedOn = i % 13 == 0 ? start.AddDays((i % 6500) + 100) : null,
                InCustody = i % 17 == 0,
                ReactiveManagement = i % 19 == 0,
                VisitIntervalDays = i % 23 == 0 ? 1 + (i % 730) : null,
                MappaLevel = i % 4 == 0 ? null : 1 + (i % 3),
                MovedIntoNeighbourhoodOn = i % 7 == 0 ? start.AddDays(i % 6400) : null,
                SourceIndex = i,
            });
            for (var v = 0; v < i % 3; v++)
            {
                visits.Add(new Visit
                {
                    OffenderId = id,
                    Date = start.AddDays((i + (v * 40)) % 6600),
                    Outcome = (VisitOutcome)((i + v) % 3),
                    Announced = v == 0 ? null : i % 2 == 0,
                    SourceIndex = visits.Count,
                });
            }

            if (i % 10 == 0)
            {
                briefings.Add(new Briefing { OffenderId = id, NeighbourhoodId = $"NPT-{i % 97:D2}", Date = start.AddDays(i % 6550), SourceIndex = briefings.Count });
            }
        }

        return new CaseloadSnapshot
        {
            SchemaVersion = 1,
            AsOf = new DateOnly(2018, 5, 1),
            Teams = teams,
            Managers = managers,
            Offenders = offenderList,
            Visits = visits,
            Briefings = briefings,
        };
    }
}
