using System.Text.Json;
using System.Text.Json.Nodes;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Synthetic;
using Safeguarding.Rules.Tests.Evaluation;

namespace Safeguarding.Rules.Tests.Schemas;

/// <summary>docs/schemas/findings.schema.json accepts every findings document the library writes and rejects malformed ones.</summary>
public sealed class FindingsSchemaTests
{
    private static readonly SafeguardingEngine Engine = new();

    private static readonly CaseloadSnapshot Sample =
        SyntheticCaseload.Generate(new SyntheticCaseloadOptions { Offenders = 2000, Seed = 1, AsOf = new DateOnly(2018, 5, 1) });

    [Fact]
    public void BuiltInSampleFindings_AreValid_AndCoverTheCommonKinds()
    {
        var json = Write(Engine.Evaluate(Sample));

        PublishedSchemas.Errors(PublishedSchemas.Findings, json).Should().BeEmpty();
        Kinds(json).Should().Contain([FindingKinds.VisitOverdue, FindingKinds.VisitDueSoon, FindingKinds.CaseloadAboveTarget, FindingKinds.RiskReviewOverdue]);
    }

    [Fact]
    public void ADocumentWithChangesSinceAnEarlierRun_IsValid_AndAChangeOnAClearedFindingIsNot()
    {
        var today = Engine.Evaluate(Sample);
        var yesterday = Engine.Evaluate(Sample, new EvaluationOptions { AsOf = new DateOnly(2018, 4, 20) });
        using var stream = new MemoryStream();
        FindingsJson.WriteWithChanges(today, Safeguarding.Rules.Changes.FindingChanges.Compare(today, yesterday), stream);
        var json = System.Text.Encoding.UTF8.GetString(stream.ToArray());

        PublishedSchemas.Errors(PublishedSchemas.Findings, json).Should().BeEmpty();
        var document = JsonNode.Parse(json)!;
        document["changes"]!["clearedFindings"]!.AsArray().Should().NotBeEmpty();
        document["changes"]!["clearedFindings"]![0]!["change"] = "Raised";
        PublishedSchemas.Errors(PublishedSchemas.Findings, document.ToJsonString()).Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("record", null)]
    [InlineData("record.policySha256", "ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    [InlineData("record.findingsSha256", "0123")]
    [InlineData("record.asOfInstant", "2018-05-01T23:00:00+01:00")]
    [InlineData("record.asOfInstant", "2018-05-01")]
    public void ADocumentWithoutItsRecordOrWithAMalformedOne_IsNotValid(string path, string? value)
    {
        var document = JsonNode.Parse(Write(Engine.Evaluate(Sample)))!.AsObject();
        PublishedSchemas.Errors(PublishedSchemas.Findings, document.ToJsonString()).Should().BeEmpty();
        if (path == "record")
        {
            document.Remove("record");
        }
        else
        {
            document["record"]![path["record.".Length..]] = value;
        }

        PublishedSchemas.Errors(PublishedSchemas.Findings, document.ToJsonString()).Should().NotBeEmpty();
    }

    [Fact]
    public void EveryContractKind_IsValid()
    {
        // One caseload built to raise all eleven kinds, so every per-kind branch of the schema is exercised.
        var json = Write(Engine.Evaluate(EveryKind(), new EvaluationOptions { AllowPartialResults = true }));

        PublishedSchemas.Errors(PublishedSchemas.Findings, json).Should().BeEmpty();
        Kinds(json).Should().BeEquivalentTo(FindingKinds.All);
    }

    [Fact]
    public void PartialResults_WithRejectedEntriesAndDataQuality_AreValid()
    {
        var broken = Broken(Sample);

        var report = Engine.Evaluate(broken, new EvaluationOptions { AllowPartialResults = true });
        var json = Write(report);

        report.Problems.Should().HaveCountGreaterThan(3);
        PublishedSchemas.Errors(PublishedSchemas.Findings, json).Should().BeEmpty();
        JsonNode.Parse(json)!["rejected"]!.AsArray().Should().HaveCount(report.Problems.Count);
        Kinds(json).Should().Contain(FindingKinds.DataQuality);
    }

    [Fact]
    public void HostKinds_AreValid()
    {
        var options = new SafeguardingRulesOptions();
        options.AddRule<FindingOrderTests.CrossTeamFlagRule>();
        var json = Write(new SafeguardingEngine(options).Evaluate(SyntheticCaseload.Generate(200, seed: 3)));

        PublishedSchemas.Errors(PublishedSchemas.Findings, json).Should().BeEmpty();
        Kinds(json).Should().Contain("HostFlagA");
    }

    public static TheoryData<string, string, string> WrongDocuments() => new()
    {
        { "no summary", "$", """{ "op": "remove", "path": "summary" }""" },
        { "a summary key missing", "$.summary", """{ "op": "remove", "path": "unallocated" }""" },
        { "schemaVersion 2", "$", """{ "op": "set", "path": "schemaVersion", "value": 2 }""" },
        { "an unknown top-level property", "$", """{ "op": "set", "path": "total", "value": 1 }""" },
        { "a VisitOverdue without escalateTo", "$.findings[?VisitOverdue]", """{ "op": "remove", "path": "escalateTo" }""" },
        { "an escalation level not listed", "$.findings[?VisitOverdue]", """{ "op": "set", "path": "escalateTo", "value": "ChiefConstable" }""" },
        { "a field outside the kind's row", "$.findings[?VisitOverdue]", """{ "op": "set", "path": "caseload", "value": 3 }""" },
        { "null for an absent value", "$.findings[?CaseloadAboveTarget]", """{ "op": "set", "path": "teamId", "value": null }""" },
        { "a finding without a reason", "$.findings[?Unallocated]", """{ "op": "remove", "path": "reason" }""" },
        { "a due date not yyyy-MM-dd", "$.findings[?RiskReviewOverdue]", """{ "op": "set", "path": "dueOn", "value": "10/04/2018" }""" },
        { "a DataQuality without its index", "$.findings[?DataQuality]", """{ "op": "remove", "path": "index" }""" },
        { "a rejected entry without its problem", "$.rejected[0]", """{ "op": "remove", "path": "problem" }""" },
        { "a percentage above 100", "$.summary.outcomes.visitedWithinPolicyPercent", """{ "op": "set", "path": "high", "value": 101 }""" },
    };

    [Theory]
    [MemberData(nameof(WrongDocuments))]
    public void WrongDocument_IsRejected(string what, string where, string change)
    {
        var document = JsonNode.Parse(Write(Engine.Evaluate(EveryKind(), new EvaluationOptions { AllowPartialResults = true })))!.AsObject();
        var target = Locate(document, where);
        var edit = JsonNode.Parse(change)!;
        var path = (string)edit["path"]!;
        if ((string)edit["op"]! == "remove")
        {
            target.Remove(path).Should().BeTrue("{0} is there to remove", path);
        }
        else
        {
            target[path] = edit["value"]?.DeepClone();
        }

        PublishedSchemas.Errors(PublishedSchemas.Findings, document.ToJsonString()).Should().NotBeEmpty(what);
    }

    /// <summary>Offenders, managers, teams, visits and briefings that raise every contract kind, with one rejected offender.</summary>
    internal static CaseloadSnapshot EveryKind()
    {
        var asOf = new DateOnly(2018, 5, 1);
        var registered = new DateOnly(2015, 1, 1);
        var assessed = new DateOnly(2018, 1, 1);
        Offender Offender(string id, string? manager, RiskLevel risk) => new()
        {
            Id = id, ManagerId = manager, RiskLevel = risk, RegisteredOn = registered, RiskAssessedOn = assessed,
        };

        var offenders = new List<Offender>
        {
            Offender("RSO-OVERDUE", "OM-A", RiskLevel.High),                                     // never visited: overdue, DI
            Offender("RSO-DUE-SOON", "OM-A", RiskLevel.Low),                                     // visited 358 days ago
            Offender("RSO-NO-ACCESS", "OM-A", RiskLevel.Medium),                                 // two NoAccess visits
            Offender("RSO-REACTIVE", "OM-A", RiskLevel.High) with { ReactiveManagement = true, InCustody = true },
            Offender("RSO-UNALLOCATED", null, RiskLevel.Low) with { InCustody = true },
            Offender("RSO-NO-REVIEW", "OM-A", RiskLevel.Low) with { RiskAssessedOn = new DateOnly(2016, 1, 1) },
            Offender("RSO-NOT-BRIEFED", "OM-A", RiskLevel.Low) with { NeighbourhoodId = "NPT-1" },
            Offender("RSO-REJECTED", "OM-A", RiskLevel.Low) with { MappaLevel = 9 },
        };

        // OM-B carries 80 offenders in the community (critical), OM-C 60 (above target); all visited recently.
        var visits = new List<Visit>
        {
            new() { OffenderId = "RSO-DUE-SOON", Date = asOf.AddDays(-358), Outcome = VisitOutcome.Completed },
            new() { OffenderId = "RSO-NO-ACCESS", Date = asOf.AddDays(-30), Outcome = VisitOutcome.Completed },
            new() { OffenderId = "RSO-NO-ACCESS", Date = asOf.AddDays(-20), Outcome = VisitOutcome.NoAccess },
            new() { OffenderId = "RSO-NO-ACCESS", Date = asOf.AddDays(-10), Outcome = VisitOutcome.NoAccess },
        };
        foreach (var (manager, count) in new[] { ("OM-B", 80), ("OM-C", 60) })
        {
            for (var i = 0; i < count; i++)
            {
                var id = "RSO-" + manager + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                offenders.Add(Offender(id, manager, RiskLevel.Low));
                visits.Add(new Visit { OffenderId = id, Date = asOf.AddDays(-10), Outcome = VisitOutcome.Completed });
            }
        }

        return new CaseloadSnapshot
        {
            SchemaVersion = 1,
            AsOf = asOf,
            Teams = [new Team { Id = "T-1" }, new Team { Id = "T-2" }],
            Managers = [new Manager { Id = "OM-A", TeamId = "T-1" }, new Manager { Id = "OM-B", TeamId = "T-2" }, new Manager { Id = "OM-C" }],
            Offenders = offenders,
            Visits = visits,
            Briefings = [],
        };
    }

    /// <summary>The snapshot's JSON with records broken in ways the reader and validator reject, read back.</summary>
    private static CaseloadSnapshot Broken(CaseloadSnapshot snapshot)
    {
        using var stream = new MemoryStream();
        SnapshotJson.Write(snapshot, stream);
        var document = JsonNode.Parse(stream.ToArray())!.AsObject();
        var offenders = document["offenders"]!.AsArray();
        offenders[0]!["riskLevel"] = "Severe";
        offenders[1]!["managerId"] = "OM-404";
        offenders[2]!["id"] = (string)offenders[3]!["id"]!;
        offenders.Add(JsonNode.Parse("""{ "riskLevel": "Low", "registeredOn": "2015-01-01" }"""));
        document["visits"]!.AsArray().Add(JsonNode.Parse("""{ "offenderId": "RSO-404", "date": "2018-01-01", "outcome": "Completed" }"""));
        return SnapshotJson.Read(System.Text.Encoding.UTF8.GetBytes(document.ToJsonString())).Snapshot;
    }

    private static JsonObject Locate(JsonObject document, string where)
    {
        JsonNode node = document;
        foreach (var step in where.Split('.').Skip(1))
        {
            if (step.EndsWith(']'))
            {
                var name = step[..step.IndexOf('[', StringComparison.Ordinal)];
                var selector = step[(name.Length + 1)..^1];
                var items = node[name]!.AsArray();
                node = selector.StartsWith('?')
                    ? items.First(f => (string)f!["kind"]! == selector[1..])!
                    : items[int.Parse(selector, System.Globalization.CultureInfo.InvariantCulture)]!;
            }
            else
            {
                node = node[step]!;
            }
        }

        return node.AsObject();
    }

    private static List<string> Kinds(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("kind").GetString()!).Distinct().ToList();
    }

    private static byte[] Write(EvaluationReport report)
    {
        using var stream = new MemoryStream();
        FindingsJson.Write(report, stream);
        return stream.ToArray();
    }
}
