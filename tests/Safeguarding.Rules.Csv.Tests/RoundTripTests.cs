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
        // v1 records only until the CSV files of contract section 9 v1.1 carry the child-protection arrays (issue 13).
        var generated = SyntheticCaseload.Generate(new SyntheticCaseloadOptions
        {
            Offenders = 2_500, Seed = seed, StrategyDiscussionsPerThousandOffenders = 0, DetentionsPerThousandOffenders = 0, PoliceProtectionsPerThousandOffenders = 0,
        });
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
        var csvReport = Engine.Instance.Evaluate(fromCsv);
        var jsonReport = Engine.Instance.Evaluate(fromJson);

        // Everything is the same but the decision record's snapshotSha256, which names the input's own bytes: the
        // folder's file map for a folder, the file for JSON (contract section 8).
        csvReport.Record!.SnapshotSha256.Should().NotBe(jsonReport.Record!.SnapshotSha256);
        Document(csvReport).Replace(csvReport.Record.SnapshotSha256, "SNAPSHOT", StringComparison.Ordinal)
            .Should().Be(Document(jsonReport).Replace(jsonReport.Record.SnapshotSha256, "SNAPSHOT", StringComparison.Ordinal));
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
        names.Should().Equal("briefings.csv", "managers.csv", "offenders.csv", "snapshot.csv", "teams.csv", "visits.csv");
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

    private static string Document(EvaluationReport report)
    {
        using var stream = new MemoryStream();
        FindingsJson.Write(report, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
