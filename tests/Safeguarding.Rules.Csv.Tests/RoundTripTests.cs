using Safeguarding.Rules.Csv.Tests.Support;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Csv.Tests;

/// <summary>The JSON and CSV forms of one snapshot round-trip and give the same findings.</summary>
public sealed class RoundTripTests
{
    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(7UL)]
    public void WriteFolder_GeneratedCaseload_ReadsBackToTheSameFindingsAsJson(ulong seed)
    {
        // Every array: the generator's child-protection records at their default rates, and overrides.
        var generated = SyntheticCaseload.Generate(new SyntheticCaseloadOptions { Offenders = 2_500, Seed = seed, OverridesPerThousand = 20 });
        generated.Detentions.Should().NotBeEmpty();
        generated.Overrides.Should().NotBeEmpty();
        using var json = new MemoryStream();
        SnapshotJson.Write(generated, json);
        using var folder = new CsvFolder();

        SnapshotCsv.WriteFolder(generated, folder.Path);
        var fromJson = SnapshotJson.Read(json.ToArray());
        var fromCsv = folder.Read();

        fromCsv.Problems.Should().BeEmpty();
        fromCsv.Snapshot.Offenders.Should().Equal(fromJson.Snapshot.Offenders);
        fromCsv.Snapshot.Managers.Should().Equal(fromJson.Snapshot.Managers);
        fromCsv.Snapshot.Visits.Should().Equal(fromJson.Snapshot.Visits);
        fromCsv.Snapshot.Briefings.Should().Equal(fromJson.Snapshot.Briefings);
        (fromCsv.Snapshot.Teams ?? []).Should().Equal(fromJson.Snapshot.Teams ?? []);
        (fromCsv.Snapshot.Teams is null).Should().Be(fromJson.Snapshot.Teams is null);
        fromCsv.Snapshot.ExtractedAt.Should().Be(fromJson.Snapshot.ExtractedAt);
        fromCsv.Snapshot.StrategyDiscussions.Should().BeEquivalentTo(fromJson.Snapshot.StrategyDiscussions, static o => o.WithStrictOrdering());
        fromCsv.Snapshot.Detentions.Should().BeEquivalentTo(fromJson.Snapshot.Detentions, static o => o.WithStrictOrdering());
        fromCsv.Snapshot.PoliceProtections.Should().Equal(fromJson.Snapshot.PoliceProtections);
        fromCsv.Snapshot.Overrides.Should().Equal(fromJson.Snapshot.Overrides);
        var csvReport = Engine.Instance.Evaluate(fromCsv);
        var jsonReport = Engine.Instance.Evaluate(fromJson);

        // Everything is the same but the decision record's snapshotSha256, which names the input's own bytes: the
        // folder's file map for a folder, the file for JSON (contract section 8).
        csvReport.Record!.SnapshotSha256.Should().NotBe(jsonReport.Record!.SnapshotSha256);
        Document(csvReport).Replace(csvReport.Record.SnapshotSha256, "SNAPSHOT", StringComparison.Ordinal)
            .Should().Be(Document(jsonReport).Replace(jsonReport.Record.SnapshotSha256, "SNAPSHOT", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(3UL)]
    [InlineData(11UL)]
    public void WriteFolder_CaseloadWithChildProtectionRecordsAndOverrides_ReadsBackToTheSameFindingsAsJson(ulong seed)
    {
        var generated = WithChildProtection(SyntheticCaseload.Generate(new SyntheticCaseloadOptions { Offenders = 1_500, Seed = seed }), seed);
        using var json = new MemoryStream();
        SnapshotJson.Write(generated, json);
        using var folder = new CsvFolder();

        SnapshotCsv.WriteFolder(generated, folder.Path);
        var fromJson = SnapshotJson.Read(json.ToArray());
        var fromCsv = folder.Read();

        fromJson.Problems.Should().BeEmpty();
        fromCsv.Problems.Should().BeEmpty();
        fromCsv.Snapshot.ExtractedAt.Should().Be(fromJson.Snapshot.ExtractedAt).And.NotBeNull();
        fromCsv.Snapshot.StrategyDiscussions.Should().BeEquivalentTo(fromJson.Snapshot.StrategyDiscussions, static o => o.WithStrictOrdering());
        fromCsv.Snapshot.Detentions.Should().BeEquivalentTo(fromJson.Snapshot.Detentions, static o => o.WithStrictOrdering());
        fromCsv.Snapshot.PoliceProtections.Should().Equal(fromJson.Snapshot.PoliceProtections);
        fromCsv.Snapshot.Overrides.Should().Equal(fromJson.Snapshot.Overrides);
        fromCsv.Snapshot.Detentions.SelectMany(static d => d.Interviews).Should().HaveCount(generated.Detentions.Sum(static d => d.Interviews.Count));
        var csvReport = Engine.Instance.Evaluate(fromCsv);
        var jsonReport = Engine.Instance.Evaluate(fromJson);

        csvReport.Suppressed.Should().NotBeEmpty();
        csvReport.Findings.Select(static f => f.Kind).Should().Contain([FindingKinds.StrategyActionOverdue, FindingKinds.AppropriateAdultDelayed, FindingKinds.InterviewWithoutAppropriateAdult, FindingKinds.PoliceProtectionExceeded]);
        Document(csvReport).Replace(csvReport.Record!.SnapshotSha256, "SNAPSHOT", StringComparison.Ordinal)
            .Should().Be(Document(jsonReport).Replace(jsonReport.Record!.SnapshotSha256, "SNAPSHOT", StringComparison.Ordinal));
    }

    [Fact]
    public void WriteFolder_ChildProtectionRecordsReadBackAndWrittenAgain_GiveTheSameBytes()
    {
        var generated = WithChildProtection(SyntheticCaseload.Generate(300), 5);
        using var first = new CsvFolder();
        using var second = new CsvFolder();

        SnapshotCsv.WriteFolder(generated, first.Path);
        SnapshotCsv.WriteFolder(first.Read().Snapshot, second.Path);

        var names = Directory.GetFiles(first.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        names.Should().Equal(
            "briefings.csv", "detentions.csv", "interviews.csv", "managers.csv", "offenders.csv", "overrides.csv", "police-protections.csv",
            "snapshot.csv", "strategy-actions.csv", "strategy-discussions.csv", "teams.csv", "visits.csv");
        foreach (var name in names)
        {
            File.ReadAllBytes(Path.Combine(second.Path, name!)).Should().Equal(File.ReadAllBytes(Path.Combine(first.Path, name!)), name);
        }

        File.ReadAllLines(Path.Combine(first.Path, "interviews.csv"))[0].Should().Be("detentionId,startedAt,appropriateAdultPresent,urgentInterviewAuthorised");
    }

    [Fact]
    public void WriteFolder_NoChildProtectionRecords_RemovesTheirFilesFromAnEarlierWrite()
    {
        using var folder = new CsvFolder();
        SnapshotCsv.WriteFolder(WithChildProtection(SyntheticCaseload.Generate(100), 2), folder.Path);

        var v1 = SyntheticCaseload.Generate(100);
        SnapshotCsv.WriteFolder(new CaseloadSnapshot { AsOf = v1.AsOf, Teams = v1.Teams, Managers = v1.Managers, Offenders = v1.Offenders, Visits = v1.Visits }, folder.Path);

        Directory.GetFiles(folder.Path).Select(Path.GetFileName).Should().NotContain(["detentions.csv", "interviews.csv", "strategy-actions.csv", "overrides.csv"]);
        folder.Read().Snapshot.Detentions.Should().BeEmpty();
    }

    [Fact]
    public void WriteFolder_ReadBackAndWrittenAgain_GivesTheSameBytes()
    {
        var generated = SyntheticCaseload.Generate(500);
        using var first = new CsvFolder();
        using var second = new CsvFolder();

        SnapshotCsv.WriteFolder(generated, first.Path);
        SnapshotCsv.WriteFolder(first.Read().Snapshot, second.Path);

        var names = Directory.GetFiles(first.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        names.Should().Contain(["briefings.csv", "managers.csv", "offenders.csv", "snapshot.csv", "teams.csv", "visits.csv"]);
        foreach (var name in names)
        {
            File.ReadAllBytes(Path.Combine(second.Path, name!)).Should().Equal(File.ReadAllBytes(Path.Combine(first.Path, name!)), name);
        }
    }

    [Fact]
    public void WriteFolder_TextNeedingQuotes_IsQuotedAndReadsBack()
    {
        var snapshot = new CaseloadSnapshot
        {
            Offenders = [new Offender { Id = "A,\"1\"\r\nB", RiskLevel = RiskLevel.Low, RegisteredOn = new DateOnly(2015, 3, 2), NeighbourhoodId = " N " }],
        };
        using var folder = new CsvFolder();

        SnapshotCsv.WriteFolder(snapshot, folder.Path);

        File.ReadAllText(Path.Combine(folder.Path, "offenders.csv")).Should().StartWith("id,managerId,").And.Contain("\"A,\"\"1\"\"\r\nB\",, N ,Low,");
        folder.Read().Snapshot.Offenders.Should().BeEquivalentTo(snapshot.Offenders);
        File.Exists(Path.Combine(folder.Path, "teams.csv")).Should().BeFalse();
    }

    [Fact]
    public void WriteFolder_UndefinedRiskLevel_NamesTheRecordAndField()
    {
        var snapshot = new CaseloadSnapshot { Offenders = [new Offender { Id = "A", RiskLevel = (RiskLevel)9, RegisteredOn = new DateOnly(2015, 3, 2) }] };
        using var folder = new CsvFolder();

        var write = () => SnapshotCsv.WriteFolder(snapshot, folder.Path);

        write.Should().Throw<ArgumentException>().WithMessage("offenders[0].riskLevel is not a value the contract defines.");
    }

    [Fact]
    public void Read_FolderOrFile_ReadsEither()
    {
        var generated = SyntheticCaseload.Generate(50);
        using var folder = new CsvFolder();
        SnapshotCsv.WriteFolder(generated, folder.Path);
        var file = Path.Combine(folder.Path, "snapshot.json");
        SnapshotJson.WriteFile(generated, file);

        SnapshotFiles.Read(folder.Path).Snapshot.Offenders.Should().Equal(SnapshotFiles.Read(file).Snapshot.Offenders);
    }

    /// <summary>
    /// The caseload with child-protection records and overrides of every shape, drawn from <paramref name="seed"/>: actions and
    /// interviews (some parents with none), instants with offsets and fractions of a second, open and ended records, text
    /// needing quotes, and overrides of findings that hold (active and expired) and that do not.
    /// </summary>
    private static CaseloadSnapshot WithChildProtection(CaseloadSnapshot snapshot, ulong seed)
    {
        var random = new Random((int)seed);
        var asOf = snapshot.AsOf!.Value;
        var end = new DateTimeOffset(asOf.ToDateTime(new TimeOnly(22, 0)), TimeSpan.Zero);
        var teams = snapshot.Teams?.Select(static t => t.Id).ToArray() ?? [];
        string? Team() => teams.Length == 0 || random.Next(4) == 0 ? null : teams[random.Next(teams.Length)];
        DateTimeOffset At(int maxHoursBefore) =>
            end.AddMinutes(-random.Next(maxHoursBefore * 60)).AddTicks(random.Next(3) == 0 ? random.Next(10_000_000) : 0).ToOffset(TimeSpan.FromMinutes(random.Next(3) switch { 0 => 0, 1 => 60, _ => -330 }));
        var discussions = Enumerable.Range(0, 120).Select(i =>
        {
            var held = asOf.AddDays(-random.Next(30));
            return new StrategyDiscussion
            {
                Id = "SD-" + i + (i % 17 == 0 ? ",\"q\"" : string.Empty),
                TeamId = Team(),
                HeldOn = held,
                OutcomeRecordedOn = random.Next(3) == 0 ? null : held.AddDays(random.Next(5)),
                Actions = Enumerable.Range(0, random.Next(4)).Select(a => new StrategyAction
                {
                    Id = (a + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Owner = (ActionOwner)random.Next(5),
                    DueOn = held.AddDays(random.Next(1, 15)),
                    CompletedOn = random.Next(2) == 0 ? null : held.AddDays(random.Next(20)),
                }).ToList(),
            };
        }).ToList();
        var detentions = Enumerable.Range(0, 150).Select(i =>
        {
            var authorised = At(72);
            return new Detention
            {
                Id = "CUS-" + i,
                CustodySuiteId = "CS-" + random.Next(3),
                Juvenile = random.Next(3) > 0,
                AuthorisedAt = authorised,
                AppropriateAdultArrivedAt = random.Next(4) == 0 ? null : authorised.AddMinutes(random.Next(400)),
                ReleasedAt = random.Next(2) == 0 ? null : authorised.AddMinutes(random.Next(300, 900)),
                Interviews = Enumerable.Range(0, random.Next(3)).Select(k => new Interview
                {
                    StartedAt = authorised.AddMinutes(30 + (k * 90) + random.Next(60)),
                    AppropriateAdultPresent = random.Next(4) > 0,
                    UrgentInterviewAuthorised = random.Next(8) == 0,
                }).ToList(),
            };
        }).ToList();
        var protections = Enumerable.Range(0, 40).Select(i =>
        {
            var started = At(120);
            return new PoliceProtection
            {
                Id = "PP-" + i,
                TeamId = Team(),
                StartedAt = started,
                LocalAuthorityInformedAt = random.Next(3) == 0 ? null : started.AddMinutes(random.Next(600)),
                EndedAt = random.Next(2) == 0 ? null : started.AddHours(random.Next(90)),
            };
        }).ToList();
        var offenders = snapshot.Offenders;
        var overrides = Enumerable.Range(0, 60).Select(i => new Override
        {
            Id = "OV-" + i,
            FindingId = (i % 3 == 0 ? "VisitDueSoon:" : "VisitOverdue:") + offenders[random.Next(offenders.Count)].Id,
            ReasonCode = i % 2 == 0 ? "IN_HOSPITAL" : "CUSTODY_" + i,
            AuthorisedBy = "DS-" + random.Next(100),
            From = asOf.AddDays(-random.Next(60)),
            Until = asOf.AddDays(random.Next(-20, 30)),
        }).Where(static o => o.Until >= o.From && o.Until.DayNumber - o.From.DayNumber < 90).ToList();

        // Overrides of findings that surely hold: every offender's VisitOverdue in the first 40 (most are not overdue, which is harmless).
        overrides.AddRange(offenders.Take(40).Select((o, i) => new Override
        {
            Id = "OVX-" + i, FindingId = "VisitOverdue:" + o.Id, ReasonCode = "IN_HOSPITAL", AuthorisedBy = "DS-1", From = asOf.AddDays(-10), Until = asOf.AddDays(10),
        }));
        return new CaseloadSnapshot
        {
            SchemaVersion = snapshot.SchemaVersion,
            AsOf = asOf,
            ExtractedAt = new DateTimeOffset(asOf.ToDateTime(new TimeOnly(21, 30, 15)), TimeSpan.Zero).AddTicks(1234),
            Teams = snapshot.Teams,
            Managers = snapshot.Managers,
            Offenders = offenders,
            Visits = snapshot.Visits,
            Briefings = snapshot.Briefings,
            StrategyDiscussions = discussions,
            Detentions = detentions,
            PoliceProtections = protections,
            Overrides = overrides,
        };
    }

    private static string Document(EvaluationReport report)
    {
        using var stream = new MemoryStream();
        FindingsJson.Write(report, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
