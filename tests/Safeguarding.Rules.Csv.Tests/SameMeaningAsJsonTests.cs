using System.Text;
using Safeguarding.Rules.Csv.Tests.Support;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Csv.Tests;

/// <summary>A CSV folder means exactly what the JSON snapshot with the same records means, bad records included.</summary>
public sealed class SameMeaningAsJsonTests
{
    private const string Json = """
        {
          "asOf": "2018-05-01",
          "teams": [ { "id": "T-1" }, { "id": "T-1" } ],
          "managers": [ { "id": "OM-1", "teamId": "T-1" }, { "id": "OM-2", "teamId": "T-9" }, { "teamId": "T-1" } ],
          "offenders": [
            { "id": "A", "managerId": "OM-1", "riskLevel": "High", "registeredOn": "2015-03-02" },
            { "id": "B", "managerId": "OM-2", "riskLevel": "Severe", "registeredOn": "2015-02-30", "visitIntervalDays": 0 },
            { "id": "C", "riskLevel": "Low", "registeredOn": "2015-03-02", "mappaLevel": 2.5, "inCustody": true },
            { "id": "C", "riskLevel": "Low", "registeredOn": "2015-03-02", "releasedOn": "2016-1-1" },
            { "riskLevel": "Medium", "registeredOn": "2015-03-02", "managerId": "OM-7" }
          ],
          "visits": [
            { "offenderId": "A", "date": "2018-04-01", "outcome": "Completed", "announced": true },
            { "offenderId": "Z", "date": "2018-04-01", "outcome": "NoAccess" },
            { "offenderId": "A", "date": "2018-13-01", "outcome": "Gone" }
          ],
          "briefings": [ { "offenderId": "A", "neighbourhoodId": "N-1", "date": "2018-01-01" }, { "offenderId": "Q", "date": "2018-01-01" } ]
        }
        """;

    [Fact]
    public void Evaluate_SameBadRecordsAsCsvAndJson_GiveTheSameProblemsAndFindings()
    {
        using var folder = new CsvFolder()
            .With("snapshot.csv", "asOf", "2018-05-01")
            .With("teams.csv", "id", "T-1", "T-1")
            .With("managers.csv", "id,teamId", "OM-1,T-1", "OM-2,T-9", ",T-1")
            .With("offenders.csv",
                "id,managerId,riskLevel,registeredOn,visitIntervalDays,mappaLevel,inCustody,releasedOn",
                "A,OM-1,High,2015-03-02,,,,",
                "B,OM-2,Severe,2015-02-30,0,,,",
                "C,,Low,2015-03-02,,2.5,true,",
                "C,,Low,2015-03-02,,,,2016-1-1",
                ",OM-7,Medium,2015-03-02,,,,")
            .With("visits.csv", "offenderId,date,outcome,announced", "A,2018-04-01,Completed,true", "Z,2018-04-01,NoAccess,", "A,2018-13-01,Gone,")
            .With("briefings.csv", "offenderId,neighbourhoodId,date", "A,N-1,2018-01-01", "Q,,2018-01-01");

        var fromJson = Engine.Partial(SnapshotJson.Read(Encoding.UTF8.GetBytes(Json)));
        var fromCsv = Engine.Partial(folder.Read());

        fromJson.Problems.Should().NotBeEmpty();
        fromCsv.Problems.Select(static p => p with { File = null, Line = null, Column = null }).Should().Equal(fromJson.Problems);
        fromCsv.Problems.Should().AllSatisfy(static p => p.File.Should().NotBeNull());
        Findings(fromCsv).Should().Be(Findings(fromJson));
        fromCsv.Summary.Should().BeEquivalentTo(fromJson.Summary);
    }

    [Fact]
    public void WriteFindings_RejectedFromACsvFolder_HasFileLineAndColumnAfterTheProblem()
    {
        using var folder = new CsvFolder().With("offenders.csv", "id,riskLevel,registeredOn", "A,Severe,2015-03-02");

        var document = FindingsDocument(Engine.Partial(folder.Read()));

        document.Should().Contain("""{"array":"offenders","index":0,"id":"A","field":"riskLevel","problem":"unknown value; expected Low, Medium, High or VeryHigh","file":"offenders.csv","line":2,"column":2}""");
    }

    [Fact]
    public void WriteFindings_RejectedFromJson_HasNoPlace()
    {
        var report = Engine.Partial(SnapshotJson.Read("""{ "offenders": [ { "id": "A", "riskLevel": "Severe", "registeredOn": "2015-03-02" } ] }"""u8));

        var document = FindingsDocument(report);

        document.Should().Contain("""{"array":"offenders","index":0,"id":"A","field":"riskLevel","problem":"unknown value; expected Low, Medium, High or VeryHigh"}""");
    }

    private static string Findings(EvaluationReport report) => FindingsDocument(report)[..FindingsDocument(report).IndexOf("\"rejected\"", StringComparison.Ordinal)];

    private static string FindingsDocument(EvaluationReport report)
    {
        using var stream = new MemoryStream();
        FindingsJson.Write(report, stream, indented: false);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
