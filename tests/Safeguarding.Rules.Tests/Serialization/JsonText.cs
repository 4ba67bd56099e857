using System.Text;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Tests.Serialization;

/// <summary>Documents of the contract for the serialization tests.</summary>
internal static class JsonText
{
    /// <summary>Contract section 1's example, verbatim.</summary>
    public const string ContractSnapshot = """
        {
          "schemaVersion": 1,
          "asOf": "2018-05-01",
          "teams":    [ { "id": "T-NORTH" } ],
          "managers": [ { "id": "OM-017", "teamId": "T-NORTH" } ],
          "offenders": [ {
              "id": "RSO-000123",
              "managerId": "OM-017",
              "neighbourhoodId": "NPT-07",
              "riskLevel": "High",
              "riskAssessedOn": "2018-01-10",
              "registeredOn": "2015-03-02",
              "releasedOn": null,
              "inCustody": false,
              "reactiveManagement": false,
              "visitIntervalDays": null,
              "mappaLevel": 1,
              "movedIntoNeighbourhoodOn": "2017-11-20"
          } ],
          "visits":    [ { "offenderId": "RSO-000123", "date": "2018-02-01", "outcome": "Completed", "announced": false } ],
          "briefings": [ { "offenderId": "RSO-000123", "neighbourhoodId": "NPT-07", "date": "2017-11-23" } ]
        }
        """;

    /// <summary>Contract section 4's example, verbatim.</summary>
    public const string ContractPolicy = """
        {
          "version": "force-2026.1",
          "visitIntervalDays": { "veryHigh": 30, "high": 91, "medium": 182, "low": 365 },
          "firstVisitDays": 28,
          "dueSoonDays": 14,
          "caseload": { "target": 50, "critical": 75 },
          "escalation": { "supervisorAfterDays": 14, "inspectorAfterDays": 28, "highRiskInspectorAfterDays": 7, "unitBacklogPercent": 5 },
          "repeatedNoAccessVisits": 2,
          "riskReviewDays": 365,
          "initialAssessmentDays": 28,
          "neighbourhoodBriefingDays": 7
        }
        """;

    /// <summary>A well-formed offender record with only the required fields.</summary>
    public const string ValidOffender = """{ "id": "RSO-1", "riskLevel": "High", "registeredOn": "2015-03-02" }""";

    /// <summary>
    /// The JSON of a well-formed offender record (id RSO-1, High, registered 2015-03-02) with some fields replaced by
    /// raw JSON values, or left out when the value is <see langword="null"/>; fields not in the record are added.
    /// </summary>
    public static string Offender(params (string Field, string? Json)[] changes)
    {
        var fields = new List<KeyValuePair<string, string?>> { new("id", "\"RSO-1\""), new("riskLevel", "\"High\""), new("registeredOn", "\"2015-03-02\"") };
        foreach (var (field, json) in changes)
        {
            var at = fields.FindIndex(f => f.Key == field);
            if (at >= 0)
            {
                fields[at] = new(field, json);
            }
            else
            {
                fields.Add(new(field, json));
            }
        }

        return "{ " + string.Join(", ", fields.Where(f => f.Value is not null).Select(f => $"\"{f.Key}\": {f.Value}")) + " }";
    }

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    public static SnapshotReadResult Read(string json) => SnapshotJson.Read(Utf8(json));

    /// <summary>A snapshot holding only the given offender records.</summary>
    public static SnapshotReadResult ReadOffenders(params string[] records) => Read("""{ "offenders": [ """ + string.Join(", ", records) + " ] }");

    /// <summary>The one problem of a snapshot holding only the given offender record.</summary>
    public static InputProblem OnlyProblemOf(string offender)
    {
        var snapshot = ReadOffenders(offender);
        snapshot.Snapshot.Offenders.Should().BeEmpty("a record with a problem is not typed");
        return snapshot.Problems.Should().ContainSingle().Subject;
    }

    public static string Write(SnapshotReadResult read, bool indented = false) => Write(read.Snapshot, indented);

    public static string Write(CaseloadSnapshot snapshot, bool indented = false)
    {
        using var stream = new MemoryStream();
        SnapshotJson.Write(snapshot, stream, indented);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
