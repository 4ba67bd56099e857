using System.Globalization;
using System.Text;
using System.Text.Json;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Tests.Serialization;

/// <summary>Contract section 5: the findings document.</summary>
public sealed class FindingsJsonTests
{
    private static readonly SafeguardingEngine Engine = new();

    /// <summary>Contract section 5: the summary's keys, in order.</summary>
    private static readonly string[] SummaryKeys =
    [
        "offenders", "evaluated", "rejected", "notYetRegistered", "visitOverdue", "visitDueSoon", "repeatedNoAccess",
        "reactiveManagementIneligible", "caseloadAboveTarget", "caseloadCritical", "unallocated", "escalations",
        "unitBacklog", "riskReviewOverdue", "neighbourhoodNotBriefed", "strategyOutcomeNotRecorded", "strategyActionOverdue", "appropriateAdultDelayed", "interviewWithoutAppropriateAdult", "policeProtectionExceeded", "localAuthorityNotInformed", "dataQuality", "suppressed", "outcomes",
    ];

    /// <summary>Contract section 5's table: each kind's fields besides kind, rule and reason, in order.</summary>
    private static readonly Dictionary<string, string[]> TableFields = new()
    {
        ["VisitOverdue"] = ["offenderId", "managerId", "teamId", "riskLevel", "dueOn", "daysOverdue", "escalateTo"],
        ["VisitDueSoon"] = ["offenderId", "managerId", "teamId", "riskLevel", "dueOn", "daysUntilDue"],
        ["RepeatedNoAccess"] = ["offenderId", "managerId", "teamId", "riskLevel", "noAccessVisits"],
        ["ReactiveManagementIneligible"] = ["offenderId", "managerId", "teamId", "riskLevel"],
        ["CaseloadAboveTarget"] = ["managerId", "teamId", "caseload"],
        ["CaseloadCritical"] = ["managerId", "teamId", "caseload"],
        ["Unallocated"] = ["offenderId", "riskLevel"],
        ["UnitBacklog"] = ["teamId", "overdueVisits", "caseload"],
        ["RiskReviewOverdue"] = ["offenderId", "managerId", "teamId", "riskLevel", "dueOn"],
        ["NeighbourhoodNotBriefed"] = ["offenderId", "managerId", "teamId", "neighbourhoodId", "since"],
        ["DataQuality"] = ["offenderId", "index"],
    };

    [Fact]
    public void Write_ContractExampleFinding_IsWrittenAsTheContractShowsIt()
    {
        var report = Evaluate(partial: true);

        using var document = Parse(report);

        var finding = Findings(document).Single(f => f.GetProperty("kind").GetString() == "VisitOverdue"
            && f.TryGetProperty("offenderId", out var id) && id.GetString() == "RSO-000123");
        Keys(finding).Should().Equal("kind", "id", "rule", "offenderId", "managerId", "teamId", "riskLevel", "dueOn", "daysOverdue", "escalateTo", "reason");
        finding.GetProperty("kind").GetString().Should().Be("VisitOverdue");
        finding.GetProperty("rule").GetString().Should().Be(report.Findings.Single(f => f.OffenderId == "RSO-000123" && f.Kind == FindingKinds.VisitOverdue).Rule);
        finding.GetProperty("managerId").GetString().Should().Be("OM-017");
        finding.GetProperty("teamId").GetString().Should().Be("T-NORTH");
        finding.GetProperty("riskLevel").GetString().Should().Be("High");
        finding.GetProperty("dueOn").GetString().Should().Be("2018-04-10");
        finding.GetProperty("daysOverdue").GetRawText().Should().Be("21");
        finding.GetProperty("escalateTo").GetString().Should().Be("DetectiveInspector");
        finding.GetProperty("reason").GetString().Should().Be("High risk: last completed home visit 2018-01-09; interval 91 days; due 2018-04-10; 21 days overdue; escalated to DetectiveInspector: High risk and more than 7 days overdue.");
    }

    [Fact]
    public void Write_PartialResults_HasTheContractsTopLevelKeysInOrderWithRejected()
    {
        using var document = Parse(Evaluate(partial: true));

        Keys(document.RootElement).Should().Equal("schemaVersion", "library", "asOf", "policyVersion", "summary", "findings", "suppressed", "rejected", "record");
        document.RootElement.GetProperty("schemaVersion").GetRawText().Should().Be("1");
        document.RootElement.GetProperty("asOf").GetString().Should().Be("2018-05-01");
        document.RootElement.GetProperty("policyVersion").GetString().Should().Be("default");
    }

    [Fact]
    public void Write_WithoutPartialResults_HasNoRejected()
    {
        var report = Engine.Evaluate(CleanSnapshot());
        report.IsEvaluated.Should().BeTrue();
        report.PartialResultsAllowed.Should().BeFalse();

        using var document = Parse(report);

        Keys(document.RootElement).Should().Equal("schemaVersion", "library", "asOf", "policyVersion", "summary", "findings", "suppressed", "record");
    }

    [Fact]
    public void Write_PartialResultsAllowedOnCleanInput_HasAnEmptyRejected()
    {
        var report = Engine.Evaluate(CleanSnapshot(), new EvaluationOptions { AllowPartialResults = true });

        using var document = Parse(report);

        document.RootElement.GetProperty("rejected").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void Write_Library_IsTheNameAndMajorMinorPatchVersion()
    {
        using var document = Parse(Evaluate(partial: true));

        var library = document.RootElement.GetProperty("library");
        Keys(library).Should().Equal("name", "version");
        library.GetProperty("name").GetString().Should().Be("Safeguarding.Rules");
        var version = typeof(SafeguardingEngine).Assembly.GetName().Version!;
        library.GetProperty("version").GetString().Should().MatchRegex(@"^\d+\.\d+\.\d+$").And.Be($"{version.Major}.{version.Minor}.{version.Build}");
    }

    [Fact]
    public void Write_Summary_HasTheContractsKeysInTheContractsOrder()
    {
        using var document = Parse(Evaluate(partial: true));

        var summary = document.RootElement.GetProperty("summary");
        Keys(summary).Should().Equal(SummaryKeys);
        Keys(summary.GetProperty("escalations")).Should().Equal("offenderManager", "supervisor", "detectiveInspector");
        Keys(summary.GetProperty("outcomes")).Should().Equal("visitedWithinPolicyPercent", "daysOverdue");
        Keys(summary.GetProperty("outcomes").GetProperty("daysOverdue")).Should().Equal("median", "max");
    }

    [Fact]
    public void Write_SummaryCounts_AreTheFindingsOfEachKind()
    {
        using var document = Parse(Evaluate(partial: true));

        var summary = document.RootElement.GetProperty("summary");
        var findings = Findings(document).ToList();
        foreach (var kind in TableFields.Keys)
        {
            var key = char.ToLowerInvariant(kind[0]) + kind[1..];
            summary.GetProperty(key).GetInt32().Should().Be(findings.Count(f => f.GetProperty("kind").GetString() == kind), key);
        }

        var escalations = summary.GetProperty("escalations");
        foreach (var (key, level) in new[] { ("offenderManager", "OffenderManager"), ("supervisor", "Supervisor"), ("detectiveInspector", "DetectiveInspector") })
        {
            escalations.GetProperty(key).GetInt32().Should().Be(findings.Count(f => f.TryGetProperty("escalateTo", out var e) && e.GetString() == level), key);
        }

        summary.GetProperty("offenders").GetInt32().Should().Be(
            summary.GetProperty("evaluated").GetInt32() + summary.GetProperty("rejected").GetInt32() + summary.GetProperty("notYetRegistered").GetInt32());
        summary.GetProperty("offenders").GetInt32().Should().Be(9 + 51);
        summary.GetProperty("rejected").GetInt32().Should().Be(2);
    }

    [Fact]
    public void Write_EveryFinding_HasKindIdRuleTheTableFieldsInOrderAndReason()
    {
        using var document = Parse(Evaluate(partial: true));

        var findings = Findings(document).ToList();
        findings.Select(f => f.GetProperty("kind").GetString()).Distinct().Should().BeEquivalentTo(TableFields.Keys.Except(["CaseloadCritical"]));
        foreach (var finding in findings)
        {
            var keys = Keys(finding);
            keys.Take(3).Should().Equal("kind", "id", "rule");
            keys[^1].Should().Be("reason");
            var row = TableFields[finding.GetProperty("kind").GetString()!];
            var middle = keys.Skip(3).SkipLast(1).ToList();
            middle.Should().BeSubsetOf(row);
            middle.Should().Equal(row.Where(middle.Contains), "the fields follow the table's order");
        }
    }

    [Fact]
    public void Write_AbsentValues_AreOmittedNeverNull()
    {
        using var document = Parse(Evaluate(partial: true));

        AllValues(document.RootElement).Should().NotContain(v => v.ValueKind == JsonValueKind.Null);
        var findings = Findings(document).ToList();
        var unallocated = findings.Single(f => f.GetProperty("kind").GetString() == "Unallocated");
        Keys(unallocated).Should().Equal("kind", "id", "rule", "offenderId", "riskLevel", "reason");
        var dataQuality = findings.Where(f => f.GetProperty("kind").GetString() == "DataQuality").ToList();
        dataQuality.Select(Keys).Should().BeEquivalentTo(new[]
        {
            new[] { "kind", "id", "rule", "index", "reason" },
            new[] { "kind", "id", "rule", "offenderId", "index", "reason" },
        });
    }

    [Fact]
    public void Write_AwaitingFalse_IsWrittenNotOmitted()
    {
        // Contract section 6: "Booleans are always written in the output, false included", although section 5 omits
        // absent values: a local authority informed late is LocalAuthorityNotInformed with "awaiting": false.
        var started = new DateTimeOffset(2018, 4, 29, 10, 0, 0, TimeSpan.Zero);
        var snapshot = new CaseloadSnapshot
        {
            AsOf = new DateOnly(2018, 5, 1),
            Offenders = [new Offender { Id = "RSO-1", RiskLevel = RiskLevel.Low, RegisteredOn = new DateOnly(2015, 3, 2) }],
            PoliceProtections = [new PoliceProtection { Id = "PP-1", StartedAt = started, LocalAuthorityInformedAt = started.AddMinutes(250), EndedAt = started.AddHours(6) }],
        };

        using var document = Parse(Engine.Evaluate(snapshot));

        var finding = document.RootElement.GetProperty("findings").EnumerateArray().Single(static f => f.GetProperty("kind").GetString() == FindingKinds.LocalAuthorityNotInformed);
        finding.GetProperty("awaiting").ValueKind.Should().Be(JsonValueKind.False);
    }

    [Fact]
    public void Write_Rejected_HasOneEntryPerProblem()
    {
        var report = Evaluate(partial: true);

        using var document = Parse(report);

        var rejected = document.RootElement.GetProperty("rejected").EnumerateArray().ToList();
        rejected.Should().HaveCount(report.Problems.Count).And.HaveCount(2);
        Keys(rejected[0]).Should().Equal("array", "index", "id", "field", "problem");
        rejected[0].GetProperty("array").GetString().Should().Be("offenders");
        rejected[0].GetProperty("index").GetInt32().Should().Be(7);
        rejected[0].GetProperty("id").GetString().Should().Be("RSO-8");
        rejected[0].GetProperty("field").GetString().Should().Be("riskLevel");
        rejected[0].GetProperty("problem").GetString().Should().Be(report.Problems[0].Problem);
        Keys(rejected[1]).Should().Equal("array", "index", "field", "problem");
        rejected[1].GetProperty("index").GetInt32().Should().Be(8);
    }

    [Fact]
    public void Write_TwiceAndOnTwoEvaluations_GivesIdenticalBytes()
    {
        var report = Evaluate(partial: true);

        var first = Bytes(report);
        var second = Bytes(report);
        var again = Bytes(Evaluate(partial: true));

        second.Should().Equal(first);
        again.Should().Equal(first);
    }

    [Fact]
    public void Write_Indented_UsesLineFeedsOnly()
    {
        var text = Encoding.UTF8.GetString(Bytes(Evaluate(partial: true)));

        text.Should().StartWith("{\n  \"schemaVersion\": 1,\n  \"library\": {\n").And.NotContain("\r");
    }

    [Fact]
    public void Write_Compact_HoldsTheSameDocument()
    {
        var report = Evaluate(partial: true);
        using var compactStream = new MemoryStream();
        FindingsJson.Write(report, compactStream, indented: false);

        var compact = Encoding.UTF8.GetString(compactStream.ToArray());

        compact.Should().NotContain("\n").And.StartWith("{\"schemaVersion\":1,\"library\":{");
        using var fromCompact = JsonDocument.Parse(compact);
        using var fromIndented = Parse(report);
        JsonSerializer.Serialize(fromCompact.RootElement).Should().Be(JsonSerializer.Serialize(fromIndented.RootElement));
    }

    [Fact]
    public void Write_NotEvaluatedReport_Throws()
    {
        var report = Engine.Evaluate(JsonText.ReadOffenders(JsonText.Offender(("riskLevel", "\"Extreme\""))));
        report.IsEvaluated.Should().BeFalse();

        var act = () => FindingsJson.Write(report, Stream.Null);

        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Write_Numbers_HaveNoTrailingNoise()
    {
        var report = Report(
            new Dictionary<RiskLevel, decimal> { [RiskLevel.VeryHigh] = 83.3m, [RiskLevel.High] = 100.0m, [RiskLevel.Low] = 99.20m },
            median: 21.5m,
            max: 240);

        using var document = Parse(report);

        var outcomes = document.RootElement.GetProperty("summary").GetProperty("outcomes");
        var percent = outcomes.GetProperty("visitedWithinPolicyPercent");
        Keys(percent).Should().Equal("veryHigh", "high", "low");
        percent.GetProperty("veryHigh").GetRawText().Should().Be("83.3");
        percent.GetProperty("high").GetRawText().Should().Be("100");
        percent.GetProperty("low").GetRawText().Should().Be("99.2");
        outcomes.GetProperty("daysOverdue").GetProperty("median").GetRawText().Should().Be("21.5");
        outcomes.GetProperty("daysOverdue").GetProperty("max").GetRawText().Should().Be("240");
    }

    [Fact]
    public void Write_WholeMedian_IsWrittenAsAWholeNumber()
    {
        using var document = Parse(Report(new Dictionary<RiskLevel, decimal>(), median: 21.0m, max: 30));

        document.RootElement.GetProperty("summary").GetProperty("outcomes").GetProperty("daysOverdue").GetProperty("median").GetRawText().Should().Be("21");
    }

    [Fact]
    public void Write_NothingOverdue_OmitsDaysOverdue()
    {
        using var document = Parse(Report(new Dictionary<RiskLevel, decimal> { [RiskLevel.Medium] = 100m }, median: null, max: null));

        var outcomes = document.RootElement.GetProperty("summary").GetProperty("outcomes");
        Keys(outcomes).Should().Equal("visitedWithinPolicyPercent");
        Keys(outcomes.GetProperty("visitedWithinPolicyPercent")).Should().Equal("medium");
    }

    [Fact]
    public void Write_ContractKind_WritesOnlyItsTableFields()
    {
        var finding = new Finding { Kind = FindingKinds.Unallocated, Rule = "Unallocated", Reason = "r", OffenderId = "RSO-1", ManagerId = "OM-1", RiskLevel = RiskLevel.Low, Caseload = 3 };

        using var document = Parse(Report(new Dictionary<RiskLevel, decimal>(), null, null, finding));

        Keys(Findings(document).Single()).Should().Equal("kind", "id", "rule", "offenderId", "riskLevel", "reason");
    }

    [Fact]
    public void Write_HostKind_WritesItsNonNullFieldsInFirstAppearanceOrderAndIsNotInTheSummary()
    {
        var finding = new Finding
        {
            Kind = "LicenceConditionCheck",
            Rule = "HostRule",
            Reason = "host reason",
            Index = 4,
            Caseload = 12,
            DueOn = new DateOnly(2018, 6, 1),
            NeighbourhoodId = "NPT-1",
            OffenderId = "RSO-1",
            EscalateTo = EscalationLevel.Supervisor,
        };

        using var document = Parse(Report(new Dictionary<RiskLevel, decimal>(), null, null, finding));

        var written = Findings(document).Single();
        // The order in which the fields first appear in the contract's section 5 table (the findings CSV's column order).
        Keys(written).Should().Equal("kind", "id", "rule", "offenderId", "dueOn", "escalateTo", "caseload", "neighbourhoodId", "index", "reason");
        written.GetProperty("escalateTo").GetString().Should().Be("Supervisor");
        Keys(document.RootElement.GetProperty("summary")).Should().Equal(SummaryKeys);
    }

    private static EvaluationReport Evaluate(bool partial) =>
        Engine.Evaluate(RichSnapshot(), new EvaluationOptions { AllowPartialResults = partial });

    /// <summary>
    /// A caseload as of 2018-05-01 with most kinds of finding: the contract's overdue example (RSO-000123), a visit due soon,
    /// reactive management above Low, an unallocated offender, a neighbourhood not briefed, repeated no access, an overdue
    /// risk review, two malformed offender records, and a second team whose manager is above the caseload target.
    /// </summary>
    private static SnapshotReadResult RichSnapshot()
    {
        var held = Enumerable.Range(0, 51).Select(i =>
            $$"""{ "id": "RSO-S{{i:D2}}", "managerId": "OM-030", "riskLevel": "Low", "riskAssessedOn": "2018-01-01", "registeredOn": "2010-01-01" }""");
        var heldVisits = Enumerable.Range(0, 51).Select(i => $$"""{ "offenderId": "RSO-S{{i:D2}}", "date": "2018-04-20", "outcome": "Completed" }""");
        var json = $$"""
            {
              "schemaVersion": 1,
              "asOf": "2018-05-01",
              "teams": [ { "id": "T-NORTH" }, { "id": "T-SOUTH" } ],
              "managers": [ { "id": "OM-017", "teamId": "T-NORTH" }, { "id": "OM-020", "teamId": "T-NORTH" }, { "id": "OM-030", "teamId": "T-SOUTH" } ],
              "offenders": [
                { "id": "RSO-000123", "managerId": "OM-017", "riskLevel": "High", "riskAssessedOn": "2018-01-10", "registeredOn": "2015-03-02" },
                { "id": "RSO-2", "managerId": "OM-020", "riskLevel": "Low", "riskAssessedOn": "2018-01-01", "registeredOn": "2010-01-01" },
                { "id": "RSO-3", "managerId": "OM-020", "riskLevel": "Medium", "reactiveManagement": true, "riskAssessedOn": "2018-01-01", "registeredOn": "2010-01-01" },
                { "id": "RSO-4", "riskLevel": "Low", "riskAssessedOn": "2018-01-01", "registeredOn": "2010-01-01" },
                { "id": "RSO-5", "managerId": "OM-020", "neighbourhoodId": "NPT-07", "movedIntoNeighbourhoodOn": "2018-04-01", "riskLevel": "Medium", "riskAssessedOn": "2018-01-01", "registeredOn": "2010-01-01" },
                { "id": "RSO-6", "managerId": "OM-020", "riskLevel": "Medium", "riskAssessedOn": "2018-01-01", "registeredOn": "2010-01-01" },
                { "id": "RSO-7", "managerId": "OM-020", "riskLevel": "Low", "riskAssessedOn": "2017-01-01", "registeredOn": "2010-01-01" },
                { "id": "RSO-8", "managerId": "OM-020", "riskLevel": "Extreme", "registeredOn": "2010-01-01" },
                "not a record",
                {{string.Join(",\n", held)}}
              ],
              "visits": [
                { "offenderId": "RSO-000123", "date": "2018-01-09", "outcome": "Completed" },
                { "offenderId": "RSO-2", "date": "2017-05-10", "outcome": "Completed" },
                { "offenderId": "RSO-3", "date": "2018-03-01", "outcome": "Completed" },
                { "offenderId": "RSO-4", "date": "2018-03-01", "outcome": "Completed" },
                { "offenderId": "RSO-5", "date": "2018-03-01", "outcome": "Completed" },
                { "offenderId": "RSO-6", "date": "2018-03-01", "outcome": "Completed" },
                { "offenderId": "RSO-6", "date": "2018-03-15", "outcome": "NoAccess" },
                { "offenderId": "RSO-6", "date": "2018-04-01", "outcome": "NoAccess" },
                { "offenderId": "RSO-7", "date": "2018-03-01", "outcome": "Completed" },
                {{string.Join(",\n", heldVisits)}}
              ]
            }
            """;
        var snapshot = JsonText.Read(json);
        snapshot.Problems.Should().HaveCount(2);
        return snapshot;
    }

    private static CaseloadSnapshot CleanSnapshot() => JsonText.Read(JsonText.ContractSnapshot).Snapshot;

    private static EvaluationReport Report(Dictionary<RiskLevel, decimal> percent, decimal? median, int? max, params Finding[] findings) => new()
    {
        IsEvaluated = true,
        PartialResultsAllowed = false,
        AsOf = new DateOnly(2018, 5, 1),
        PolicyVersion = "default",
        Summary = new EvaluationSummary
        {
            FindingsByKind = findings.GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => g.Count()),
            Escalations = new Dictionary<EscalationLevel, int>(),
            Outcomes = new OutcomeMeasures { VisitedWithinPolicyPercent = percent, MedianDaysOverdue = median, MaxDaysOverdue = max },
        },
        Findings = findings,
        Problems = [],
        FiredRules = new HashSet<string>(),
    };

    private static byte[] Bytes(EvaluationReport report)
    {
        using var stream = new MemoryStream();
        FindingsJson.Write(report, stream);
        return stream.ToArray();
    }

    private static JsonDocument Parse(EvaluationReport report) => JsonDocument.Parse(Bytes(report));

    private static IEnumerable<JsonElement> Findings(JsonDocument document) => document.RootElement.GetProperty("findings").EnumerateArray();

    private static List<string> Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToList();

    private static IEnumerable<JsonElement> AllValues(JsonElement element)
    {
        yield return element;
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => [],
        };
        foreach (var child in children.SelectMany(AllValues))
        {
            yield return child;
        }
    }
}
