using System.Text;
using System.Text.Json;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Tests.Serialization;

/// <summary>Contract section 8: the <c>overrides</c> array read and written, and what overrides add to the findings document.</summary>
public sealed class OverridesJsonTests
{
    private const string Snapshot = """
        {
          "asOf": "2018-05-01",
          "offenders": [ { "id": "RSO-1", "riskLevel": "High", "registeredOn": "2015-03-02" },
                         { "id": "RSO-2", "riskLevel": "High", "registeredOn": "2015-03-02", "riskAssessedOn": "2018-04-01" } ],
          "visits": [ { "offenderId": "RSO-1", "date": "2018-01-21", "outcome": "Completed" },
                      { "offenderId": "RSO-2", "date": "2018-01-21", "outcome": "Completed" } ],
          "overrides": [
            { "id": "OV-7", "findingId": "VisitOverdue:RSO-1", "reasonCode": "IN_HOSPITAL", "authorisedBy": "DS-4411", "from": "2018-04-20", "until": "2018-05-15" },
            { "id": "OV-8", "findingId": "VisitOverdue:RSO-2", "reasonCode": "IN_HOSPITAL", "authorisedBy": "DS-4411", "from": "2018-03-01", "until": "2018-04-30" }
          ]
        }
        """;

    private static SnapshotReadResult Read(string json) => SnapshotJson.Read(Encoding.UTF8.GetBytes(json));

    private static JsonElement Document(EvaluationReport report)
    {
        using var stream = new MemoryStream();
        FindingsJson.Write(report, stream);
        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    [Fact]
    public void Read_Overrides_GivesEveryField()
    {
        var snapshot = Read(Snapshot);

        snapshot.Problems.Should().BeEmpty();
        snapshot.Snapshot.Overrides.Should().HaveCount(2);
        snapshot.Snapshot.Overrides[0].Should().BeEquivalentTo(new Override
        {
            Id = "OV-7",
            FindingId = "VisitOverdue:RSO-1",
            ReasonCode = "IN_HOSPITAL",
            AuthorisedBy = "DS-4411",
            From = new DateOnly(2018, 4, 20),
            Until = new DateOnly(2018, 5, 15),
        });
    }

    [Fact]
    public void Read_OverrideMissingFields_NamesEachOne()
    {
        var snapshot = Read("""{ "overrides": [ { "id": "OV-1", "from": "2018-13-01", "until": 7 } ] }""");

        snapshot.Problems.Select(p => (p.Array, p.Index, p.Id, p.Field)).Should().BeEquivalentTo(new[]
        {
            ("overrides", (int?)0, "OV-1", "authorisedBy"),
            ("overrides", 0, "OV-1", "findingId"),
            ("overrides", 0, "OV-1", "from"),
            ("overrides", 0, "OV-1", "reasonCode"),
            ("overrides", 0, "OV-1", "until"),
        });
        snapshot.Snapshot.Overrides.Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_MalformedOverrideSharingAnId_RejectsBoth()
    {
        var snapshot = Read("""
            { "asOf": "2018-05-01", "overrides": [
              { "id": "OV-1", "findingId": "VisitOverdue:RSO-1", "reasonCode": "A", "authorisedBy": "DS-1", "from": "2018-04-20", "until": "2018-05-15" },
              { "id": "OV-1" } ] }
            """);

        var problems = new SafeguardingEngine().Evaluate(snapshot).Problems;

        problems.Where(p => p.Field == "id").Select(p => p.Index).Should().Equal(0, 1);
    }

    [Fact]
    public void Write_SnapshotWithOverrides_ReadsBackTheSame()
    {
        var snapshot = Read(Snapshot).Snapshot;
        using var stream = new MemoryStream();

        SnapshotJson.Write(snapshot, stream);
        var again = SnapshotJson.Read(stream.ToArray()).Snapshot;

        again.Overrides.Should().Equal(snapshot.Overrides);
        Encoding.UTF8.GetString(stream.ToArray()).Should().Contain("""
            "overrides":[{"id":"OV-7","findingId":"VisitOverdue:RSO-1","reasonCode":"IN_HOSPITAL","authorisedBy":"DS-4411","from":"2018-04-20","until":"2018-05-15"}
            """.Trim());
    }

    [Fact]
    public void Write_SnapshotWithoutOverrides_WritesNoOverridesArray()
    {
        using var stream = new MemoryStream();

        SnapshotJson.Write(new CaseloadSnapshot { AsOf = new DateOnly(2018, 5, 1) }, stream);

        Encoding.UTF8.GetString(stream.ToArray()).Should().NotContain("overrides");
    }

    [Fact]
    public void Write_FindingsDocument_PutsSuppressedAfterFindingsAndInTheSummaryAfterDataQuality()
    {
        var document = Document(new SafeguardingEngine().Evaluate(Read(Snapshot)));

        document.EnumerateObject().Select(p => p.Name).Should().Equal("schemaVersion", "library", "asOf", "policyVersion", "summary", "findings", "suppressed");
        var summaryKeys = document.GetProperty("summary").EnumerateObject().Select(p => p.Name).ToList();
        summaryKeys.IndexOf("suppressed").Should().Be(summaryKeys.IndexOf("dataQuality") + 1);
        summaryKeys[^1].Should().Be("outcomes");
        document.GetProperty("summary").GetProperty("suppressed").GetInt32().Should().Be(1);
        document.GetProperty("summary").GetProperty("visitOverdue").GetInt32().Should().Be(1);
    }

    [Fact]
    public void Write_SuppressedFinding_AddsOverrideIdAndUntilAfterReason()
    {
        var document = Document(new SafeguardingEngine().Evaluate(Read(Snapshot)));

        var suppressed = document.GetProperty("suppressed").EnumerateArray().Should().ContainSingle().Subject;
        suppressed.EnumerateObject().Select(p => p.Name).Should().Equal(
            "kind", "id", "rule", "offenderId", "riskLevel", "dueOn", "daysOverdue", "escalateTo", "reason", "overrideId", "until");
        suppressed.GetProperty("id").GetString().Should().Be("VisitOverdue:RSO-1");
        suppressed.GetProperty("overrideId").GetString().Should().Be("OV-7");
        suppressed.GetProperty("until").GetString().Should().Be("2018-05-15");
    }

    [Fact]
    public void Write_LapsedDeferral_PutsOverrideExpiredOnBeforeReason()
    {
        var document = Document(new SafeguardingEngine().Evaluate(Read(Snapshot)));

        var finding = document.GetProperty("findings").EnumerateArray().Should().ContainSingle(f => f.GetProperty("id").GetString() == "VisitOverdue:RSO-2").Subject;
        var names = finding.EnumerateObject().Select(p => p.Name).ToList();
        names.Should().EndWith(["escalateTo", "overrideExpiredOn", "reason"]);
        finding.GetProperty("overrideExpiredOn").GetString().Should().Be("2018-04-30");
    }

    [Fact]
    public void Write_NoOverrides_StillWritesAnEmptySuppressedArrayAndZero()
    {
        var document = Document(new SafeguardingEngine().Evaluate(new CaseloadSnapshot { AsOf = new DateOnly(2018, 5, 1) }));

        document.GetProperty("suppressed").GetArrayLength().Should().Be(0);
        document.GetProperty("summary").GetProperty("suppressed").GetInt32().Should().Be(0);
    }
}
