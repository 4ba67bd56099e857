using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Safeguarding.Rules.Changes;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Synthetic;
using Safeguarding.Rules.Tests.Differential;
using Safeguarding.Rules.Tests.Findings;
using Xunit;

namespace Safeguarding.Rules.Tests.Changes;

/// <summary>Contract section 7: changes between runs, matched by finding id.</summary>
public sealed class FindingChangesTests
{
    private static readonly DateOnly Day = new(2018, 5, 1);

    [Fact]
    public void Compare_EachRuleOfSection7_InItsOrder()
    {
        var earlier = Report(
            Overdue("RSO-1", EscalationLevel.OffenderManager, days: 5),
            Overdue("RSO-2", EscalationLevel.DetectiveInspector, days: 30),
            Overdue("RSO-3", EscalationLevel.Supervisor, days: 15),
            Overdue("RSO-4", EscalationLevel.Supervisor, days: 15),
            Overdue("RSO-9", EscalationLevel.Supervisor, days: 15));
        var current = Report(
            Overdue("RSO-1", EscalationLevel.Supervisor, days: 6) with { DueOn = new DateOnly(2018, 1, 1) }, // escalated beats changed
            Overdue("RSO-2", EscalationLevel.Supervisor, days: 31),                                          // lower: changed
            Overdue("RSO-3", EscalationLevel.Supervisor, days: 16) with { DueOn = Day.AddDays(-15), Reason = "other words", Rule = "R" }, // counters, rule, reason: unchanged
            Overdue("RSO-4", EscalationLevel.Supervisor, days: 15) with { ManagerId = null },                 // absent on one side: changed
            Overdue("RSO-5", EscalationLevel.OffenderManager, days: 1));                                     // new: raised

        var changes = FindingChanges.Compare(current, earlier);

        changes.Changes.Should().Equal(ChangeKind.Escalated, ChangeKind.Changed, ChangeKind.Unchanged, ChangeKind.Changed, ChangeKind.Raised);
        changes.ClearedFindings.Select(f => f.OffenderId).Should().Equal("RSO-9");
        (changes.Raised, changes.Escalated, changes.Changed, changes.Unchanged, changes.Cleared).Should().Be((1, 1, 2, 1, 1));
        changes.SinceAsOf.Should().Be(Day);
    }

    [Theory]
    [InlineData(EscalationLevel.Supervisor, EscalationLevel.DetectiveInspector, ChangeKind.Escalated)]
    [InlineData(EscalationLevel.OffenderManager, EscalationLevel.Supervisor, ChangeKind.Escalated)]
    [InlineData(EscalationLevel.OffenderManager, EscalationLevel.DetectiveInspector, ChangeKind.Escalated)]
    [InlineData(EscalationLevel.Supervisor, EscalationLevel.Inspector, ChangeKind.Escalated)]
    [InlineData(EscalationLevel.OffenderManager, EscalationLevel.Inspector, ChangeKind.Escalated)]
    [InlineData(EscalationLevel.DetectiveInspector, EscalationLevel.Supervisor, ChangeKind.Changed)]
    [InlineData(EscalationLevel.Inspector, EscalationLevel.Supervisor, ChangeKind.Changed)]
    [InlineData(EscalationLevel.DetectiveInspector, EscalationLevel.Inspector, ChangeKind.Changed)]
    [InlineData(EscalationLevel.Inspector, EscalationLevel.DetectiveInspector, ChangeKind.Changed)]
    [InlineData(EscalationLevel.Supervisor, EscalationLevel.Supervisor, ChangeKind.Unchanged)]
    public void Change_AHostKindsEscalateTo_FollowsTheContractsOrderOfLevels(EscalationLevel before, EscalationLevel after, ChangeKind expected)
    {
        // Section 7 orders the levels for every finding, a host rule's kind included: OffenderManager < Supervisor <
        // DetectiveInspector, and Supervisor < Inspector (so OffenderManager < Inspector); DetectiveInspector and
        // Inspector are not ordered, so a move between them is a change, not an escalation.
        var earlier = new Finding { Kind = "HostNotice", Rule = "HostRule", Reason = "r", TeamId = "T-1", EscalateTo = before };

        FindingChanges.Change(earlier, earlier with { EscalateTo = after }).Should().Be(expected);
    }

    [Fact]
    public void Change_OverrideExpiredOnAndTheChildProtectionFields_AreComparedAsSection7Says()
    {
        // overrideExpiredOn is compared like a field of the kind, present on one side only included.
        var overdue = Overdue("RSO-1", EscalationLevel.Supervisor, days: 15);
        FindingChanges.Change(overdue, overdue with { OverrideExpiredOn = Day.AddDays(-1) }).Should().Be(ChangeKind.Changed);
        FindingChanges.Change(overdue with { OverrideExpiredOn = Day.AddDays(-1) }, overdue).Should().Be(ChangeKind.Changed);
        FindingChanges.Change(overdue with { OverrideExpiredOn = Day.AddDays(-2) }, overdue with { OverrideExpiredOn = Day.AddDays(-1) }).Should().Be(ChangeKind.Changed);

        // minutesWaited, hoursInProtection and minutesToInform move with time alone: not compared; awaiting is.
        var authorised = new DateTimeOffset(2018, 5, 1, 8, 0, 0, TimeSpan.Zero);
        var delayed = new Finding
        {
            Kind = FindingKinds.AppropriateAdultDelayed, Rule = "r", Reason = "r", DetentionId = "D-1", CustodySuiteId = "CS-1",
            AuthorisedAt = authorised, MinutesWaited = 130, Awaiting = true, EscalateTo = EscalationLevel.Supervisor,
        };
        FindingChanges.Change(delayed, delayed with { MinutesWaited = 200 }).Should().Be(ChangeKind.Unchanged);
        FindingChanges.Change(delayed, delayed with { MinutesWaited = 200, Awaiting = false }).Should().Be(ChangeKind.Changed);

        var exceeded = new Finding { Kind = FindingKinds.PoliceProtectionExceeded, Rule = "r", Reason = "r", ProtectionId = "PP-1", StartedAt = authorised, HoursInProtection = 73 };
        FindingChanges.Change(exceeded, exceeded with { HoursInProtection = 97 }).Should().Be(ChangeKind.Unchanged);
        FindingChanges.Change(exceeded, exceeded with { TeamId = "T-1" }).Should().Be(ChangeKind.Changed);

        var notInformed = new Finding { Kind = FindingKinds.LocalAuthorityNotInformed, Rule = "r", Reason = "r", ProtectionId = "PP-1", StartedAt = authorised, MinutesToInform = 300, Awaiting = true };
        FindingChanges.Change(notInformed, notInformed with { MinutesToInform = 1000 }).Should().Be(ChangeKind.Unchanged);
        FindingChanges.Change(notInformed, notInformed with { MinutesToInform = 1000, Awaiting = false }).Should().Be(ChangeKind.Changed);
        FindingChanges.Change(notInformed, notInformed with { StartedAt = authorised.AddMinutes(-1) }).Should().Be(ChangeKind.Changed);
    }

    [Fact]
    public void Read_ADocumentWithoutIds_ComputesThemFromTheFields()
    {
        var json = """
            { "asOf": "2018-04-30", "policyVersion": "v0", "findings": [
              { "kind": "VisitOverdue", "rule": "r", "offenderId": "A:1%", "riskLevel": "High", "dueOn": "2018-04-01", "daysOverdue": 29, "escalateTo": "DetectiveInspector", "reason": "x" },
              { "kind": "DataQuality", "rule": "DataQuality", "index": 7, "reason": "y" },
              { "kind": "NeighbourhoodNotBriefed", "offenderId": "RSO-1", "neighbourhoodId": "NPT-1" } ] }
            """;

        var result = FindingsDocument.Read(Encoding.UTF8.GetBytes(json));

        result.IsValid.Should().BeTrue(string.Join("; ", result.Problems));
        result.Document!.Ids.Should().Equal("VisitOverdue:A%3A1%25", "DataQuality:offenders:#7", "NeighbourhoodNotBriefed:RSO-1:NPT-1");
        result.Document!.AsOf.Should().Be(new DateOnly(2018, 4, 30));
        result.Document.PolicyVersion.Should().Be("v0");
        var overdue = result.Document.Findings[0];
        (overdue.RiskLevel, overdue.DueOn, overdue.DaysOverdue, overdue.EscalateTo).Should().Be((RiskLevel.High, new DateOnly(2018, 4, 1), 29, EscalationLevel.DetectiveInspector));
    }

    [Fact]
    public void Read_AStreamWithAByteOrderMark_IsRead()
    {
        using var stream = new MemoryStream([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{ "findings": [ { "kind": "UnitBacklog", "teamId": "T-1" } ] }""")]);

        FindingsDocument.Read(stream).Document!.Ids.Should().Equal("UnitBacklog:T-1");
    }

    [Fact]
    public void Read_LongReasons_ReadsEachReasonOnce()
    {
        // An earlier document can hold every finding of a large force, each with its reason: reading it must not copy each
        // reason twice (whether a finding gives its rule and reason is seen from the JSON value, not by reading it again).
        const int Count = 20;
        var reason = new string('x', 100_000);
        var json = "{ \"findings\": [" + string.Join(", ", Enumerable.Range(0, Count).Select(i =>
            "{ \"kind\": \"Unallocated\", \"offenderId\": \"RSO-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\", \"rule\": \"Unallocated\", \"reason\": \"" + reason + "\" }")) + "] }";
        var utf8 = Encoding.UTF8.GetBytes(json);
        FindingsDocument.Read(utf8).IsValid.Should().BeTrue();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = FindingsDocument.Read(utf8);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        result.Document!.Findings.Should().HaveCount(Count);
        var reasons = (long)Count * reason.Length * sizeof(char);
        allocated.Should().BeLessThan(reasons * 3 / 2, "each reason becomes one string, and the document is parsed in place");
    }

    [Fact]
    public void Read_AGivenId_IsTheOneMatched()
    {
        var json = """{ "findings": [ { "kind": "UnitBacklog", "id": "UnitBacklog:T-1", "teamId": "T-1", "overdueVisits": 3, "caseload": 10 } ] }""";

        FindingsDocument.Read(Encoding.UTF8.GetBytes(json)).Document!.Ids.Should().Equal("UnitBacklog:T-1");
    }

    /// <summary>A findings document whose unknown member takes it 69 levels deep (valid JSON): level 65 opens at its 87th byte.</summary>
    private const string DeepArrays = "{ \"findings\": [], \"x\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]] }";

    [Theory]
    [InlineData("[]", "$", "not a findings document: the top level is not a JSON object")]
    [InlineData("""{ "summary": {} }""", "findings", "is required and must be an array (is this a findings document?)")]
    [InlineData("""{ "schemaVersion": 2, "findings": [] }""", "schemaVersion", "must be 1 when present")]
    [InlineData("""{ "findings": [ { "kind": "VisitOverdue", "offenderId": 5 } ] }""", "findings[0].offenderId", "is required for a VisitOverdue finding (it identifies the finding) and must be a string")]
    [InlineData("""{ "findings": [ { "rule": "r" } ] }""", "findings[0].kind", "is required and must be a non-empty string")]
    [InlineData("""{ "findings": [ 3 ] }""", "findings[0]", "is not a JSON object")]
    [InlineData("""{ "findings": [ { "kind": "X", "teamId": "T" }, { "kind": "X", "teamId": "T" } ] }""", "findings[1].id", "duplicate id X:T, also findings[0]")]
    [InlineData("{ \"findings\": [", "$", "the document is not valid JSON: the error is at line 1, byte position 16 (counting from 1)")]
    [InlineData(DeepArrays, "$", "the document nests objects and arrays more than 64 levels deep, so it is not read: level 65 starts at line 1, byte position 87 (counting from 1)")]
    public void Read_NotAnEarlierRun_SaysWhy(string json, string path, string problem)
    {
        var result = FindingsDocument.Read(Encoding.UTF8.GetBytes(json));

        result.IsValid.Should().BeFalse();
        result.Problems.Should().Contain(new FindingsDocumentProblem(path, problem));
    }

    [Fact]
    public void Read_AFindingWithoutItsOffenderId_NamesThatFindingsPropertyAndWhatIsWrong()
    {
        // What a host needs to point at the value: the JSON path on its own, and the problem without the path.
        var json = """
            { "findings": [
              { "kind": "Unallocated", "offenderId": "RSO-1" },
              { "kind": "VisitOverdue", "riskLevel": "High" } ] }
            """;

        var result = FindingsDocument.Read(Encoding.UTF8.GetBytes(json));

        result.IsValid.Should().BeFalse();
        result.Document.Should().BeNull();
        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Path.Should().Be("findings[1].offenderId");
        problem.Problem.Should().Be("is required for a VisitOverdue finding (it identifies the finding) and must be a string");
        problem.ToString().Should().Be("findings[1].offenderId: is required for a VisitOverdue finding (it identifies the finding) and must be a string");
    }

    [Theory]
    [InlineData("findings[3].offenderId", "is required", "findings[3].offenderId: is required")]
    [InlineData("schemaVersion", "must be 1 when present", "schemaVersion: must be 1 when present")]
    [InlineData("$", "the document is not valid JSON", "the document is not valid JSON")]
    public void FindingsDocumentProblem_ToString_IsPathThenProblemOrTheDocumentsProblemAlone(string path, string problem, string text)
    {
        // The line the CLI prints after the file name: a document problem's text names the document itself.
        new FindingsDocumentProblem(path, problem).ToString().Should().Be(text);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1.0")]
    [InlineData("1e0")]
    public void Read_SchemaVersionOneInAnyNumberForm_IsAccepted(string version)
    {
        // As the snapshot reader takes it: the contract's 1 is a number, however the writing program spelled it.
        var result = FindingsDocument.Read(Encoding.UTF8.GetBytes("{ \"schemaVersion\": " + version + ", \"findings\": [] }"));

        result.IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData("4.0", "2.0")]
    [InlineData("4e0", "20e-1")]
    [InlineData("0.4e1", "2.00")]
    public void Read_WholeNumbersInAnyNumberForm_AreTheNumbers(string index, string noAccessVisits)
    {
        // Section 7 takes any section 5 document; 4.0 and 4e0 are the JSON number 4 (as schemaVersion 1.0 is 1, and a
        // snapshot's 30.0 is 30). The index identifies a DataQuality finding, and a count read as absent would make an
        // unchanged finding Changed and drop the field from a cleared one.
        var json = "{ \"findings\": [ { \"kind\": \"DataQuality\", \"offenderId\": \"RSO-1\", \"index\": " + index + " },"
            + " { \"kind\": \"RepeatedNoAccess\", \"offenderId\": \"RSO-2\", \"riskLevel\": \"High\", \"noAccessVisits\": " + noAccessVisits + " } ] }";

        var result = FindingsDocument.Read(Encoding.UTF8.GetBytes(json));

        result.IsValid.Should().BeTrue(string.Join("; ", result.Problems));
        result.Document!.Ids.Should().Equal("DataQuality:offenders:#4", "RepeatedNoAccess:RSO-2");
        result.Document.Findings[0].Index.Should().Be(4);
        result.Document.Findings[1].NoAccessVisits.Should().Be(2);
    }

    [Theory]
    [InlineData("4.5")]
    [InlineData("1e400")]
    [InlineData("2147483648")]
    public void Read_AnIndexThatIsNotAWholeNumber_IsAProblem(string index)
    {
        var result = FindingsDocument.Read(Encoding.UTF8.GetBytes("{ \"findings\": [ { \"kind\": \"DataQuality\", \"index\": " + index + " } ] }"));

        result.Problems.Should().Equal(new FindingsDocumentProblem("findings[0].index", "is required for a DataQuality finding (it identifies the finding) and must be a whole number"));
    }

    [Fact]
    public void Compare_TheSameReportReadBackFromJson_IsUnchangedThroughout()
    {
        var report = SharedEngine.Instance.Evaluate(SyntheticCaseload.Generate(2_000, 7));
        var earlier = FindingsDocument.Read(Json(report)).Document!;

        var changes = FindingChanges.Compare(report, earlier);

        changes.Changes.Should().OnlyContain(c => c == ChangeKind.Unchanged);
        changes.Cleared.Should().Be(0);
    }

    [Theory]
    [InlineData(1UL, 1)]
    [InlineData(2UL, 7)]
    [InlineData(3UL, 30)]
    public void Compare_TwoDaysOfAGeneratedCaseload_AgreesWithAComparisonOfTheTwoJsonDocuments(ulong seed, int days)
    {
        var snapshot = SyntheticCaseload.Generate(3_000, seed);
        var yesterday = SharedEngine.Instance.Evaluate(snapshot, new EvaluationOptions { AsOf = Day.AddDays(-days) });
        var today = SharedEngine.Instance.Evaluate(snapshot, new EvaluationOptions { AsOf = Day });

        var changes = FindingChanges.Compare(today, FindingsDocument.Read(Json(yesterday)).Document!);
        using var stream = new MemoryStream();
        FindingsJson.WriteWithChanges(today, changes, stream);
        var written = JsonNode.Parse(stream.ToArray())!.AsObject();

        var (expected, cleared) = JsonOracle(JsonNode.Parse(Json(yesterday))!["findings"]!.AsArray(), JsonNode.Parse(Json(today))!["findings"]!.AsArray());
        written["findings"]!.AsArray().Select(f => (string)f!["change"]!).Should().Equal(expected);
        written["changes"]!["clearedFindings"]!.AsArray().Select(f => (string)f!["id"]!).Should().BeEquivalentTo(cleared);
        written["changes"]!["cleared"]!.GetValue<int>().Should().Be(cleared.Count);
        expected.Should().Contain("Raised").And.Contain("Unchanged");
    }

    [Fact]
    public void WriteWithChanges_PutsChangeAfterIdAndTheBlockLast()
    {
        var earlier = Report(Overdue("RSO-1", EscalationLevel.OffenderManager, days: 5));
        var current = Report(Overdue("RSO-1", EscalationLevel.Supervisor, days: 20));
        using var stream = new MemoryStream();

        FindingsJson.WriteWithChanges(current, FindingChanges.Compare(current, earlier), stream);

        using var document = JsonDocument.Parse(stream.ToArray());
        var root = document.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal("schemaVersion", "library", "asOf", "policyVersion", "summary", "findings", "suppressed", "changes");
        root.GetProperty("findings")[0].EnumerateObject().Select(p => p.Name).Take(4).Should().Equal("kind", "id", "change", "rule");
        root.GetProperty("findings")[0].GetProperty("change").GetString().Should().Be("Escalated");
        root.GetProperty("changes").EnumerateObject().Select(p => p.Name).Should().Equal(
            "since", "raised", "escalated", "changed", "unchanged", "cleared", "clearedFindings");
    }

    [Fact]
    public void Compare_EarlierDocumentOutOfOrderWithoutIds_ClearedInTheContractsOrderWithComputedIds()
    {
        // ChangeReport.ClearedFindings is in section 5's order whatever the earlier document's order, and ClearedIds
        // follows it, computed when the document (contract v1.0) gave none.
        var json = """
            { "findings": [
              { "kind": "UnitBacklog", "rule": "UnitBacklog", "teamId": "T-1", "overdueVisits": 3, "caseload": 10, "reason": "r" },
              { "kind": "Unallocated", "rule": "Unallocated", "offenderId": "RSO-1", "riskLevel": "High", "reason": "r" } ] }
            """;
        var earlier = FindingsDocument.Read(Encoding.UTF8.GetBytes(json)).Document!;

        var changes = FindingChanges.Compare(Report(), earlier);

        changes.ClearedFindings.Select(static f => f.Kind).Should().Equal(FindingKinds.Unallocated, FindingKinds.UnitBacklog);
        changes.ClearedIds.Should().Equal("Unallocated:RSO-1", "UnitBacklog:T-1");
    }

    [Fact]
    public void WriteWithChanges_ClearedFindingsRuleAndReason_AreWrittenAsTheEarlierDocumentGaveThem()
    {
        // Section 7: a cleared finding is written with its rule and reason "as far as the earlier document gives them":
        // an empty string given is given (kept as written), an absent one stays absent.
        var json = """
            { "findings": [
              { "kind": "UnitBacklog", "rule": "", "teamId": "T-1", "overdueVisits": 3, "caseload": 10, "reason": "" },
              { "kind": "UnitBacklog", "teamId": "T-2", "overdueVisits": 3, "caseload": 10 },
              { "kind": "UnitBacklog", "rule": "UnitBacklog", "teamId": "T-3", "overdueVisits": 3, "caseload": 10, "reason": "r" } ] }
            """;
        var earlier = FindingsDocument.Read(Encoding.UTF8.GetBytes(json)).Document!;
        var current = Report();
        using var stream = new MemoryStream();

        FindingsJson.WriteWithChanges(current, FindingChanges.Compare(current, earlier), stream);

        using var document = JsonDocument.Parse(stream.ToArray());
        var cleared = document.RootElement.GetProperty("changes").GetProperty("clearedFindings");
        cleared.GetArrayLength().Should().Be(3);
        cleared[0].EnumerateObject().Select(p => p.Name).Should().Equal("kind", "id", "rule", "teamId", "overdueVisits", "caseload", "reason");
        (cleared[0].GetProperty("rule").GetString(), cleared[0].GetProperty("reason").GetString()).Should().Be((string.Empty, string.Empty));
        cleared[1].EnumerateObject().Select(p => p.Name).Should().Equal("kind", "id", "teamId", "overdueVisits", "caseload");
        (cleared[2].GetProperty("rule").GetString(), cleared[2].GetProperty("reason").GetString()).Should().Be(("UnitBacklog", "r"));
    }

    [Fact]
    public void WriteWithChanges_ChangesOfAnotherReport_Throws()
    {
        var report = Report(Overdue("RSO-1", EscalationLevel.OffenderManager, days: 5));
        var other = Report(Overdue("RSO-1", EscalationLevel.OffenderManager, days: 5));

        var write = () => FindingsJson.WriteWithChanges(report, FindingChanges.Compare(other, report), new MemoryStream());

        write.Should().Throw<ArgumentException>();
    }

    /// <summary>
    /// Section 7 over two findings documents as JSON, written independently of the library: match by id, then
    /// escalation by the contract's order, then any field but the time counters, rule and reason.
    /// </summary>
    private static (List<string> Changes, List<string> Cleared) JsonOracle(JsonArray earlier, JsonArray current)
    {
        // Contract section 7: OffenderManager < Supervisor < DetectiveInspector for visits, Supervisor < Inspector for
        // appropriate adults (a finding never changes kind, so the two ladders never meet); the counters that move with
        // time alone are not compared.
        string[] order = ["OffenderManager", "Supervisor", "DetectiveInspector"];
        string[] ignored = ["kind", "id", "rule", "reason", "daysOverdue", "daysUntilDue", "minutesWaited", "hoursInProtection", "minutesToInform"];
        static int Rank(string[] order, string level) => level == "Inspector" ? 2 : Array.IndexOf(order, level);
        var before = earlier.ToDictionary(f => (string)f!["id"]!, f => f!.AsObject());
        var changes = new List<string>();
        foreach (var node in current)
        {
            var finding = node!.AsObject();
            if (!before.Remove((string)finding["id"]!, out var old))
            {
                changes.Add("Raised");
            }
            else if (old["escalateTo"] is { } from && finding["escalateTo"] is { } to
                && Rank(order, (string)to!) > Rank(order, (string)from!))
            {
                changes.Add("Escalated");
            }
            else
            {
                var names = finding.Select(p => p.Key).Concat(old.Select(p => p.Key)).Distinct().Except(ignored);
                changes.Add(names.Any(n => finding[n]?.ToJsonString() != old[n]?.ToJsonString()) ? "Changed" : "Unchanged");
            }
        }

        return (changes, before.Keys.ToList());
    }

    private static byte[] Json(EvaluationReport report)
    {
        using var stream = new MemoryStream();
        FindingsJson.Write(report, stream);
        return stream.ToArray();
    }

    private static Finding Overdue(string offender, EscalationLevel level, int days) => new()
    {
        Kind = FindingKinds.VisitOverdue,
        Rule = "VisitOverdue",
        Reason = "reason",
        OffenderId = offender,
        ManagerId = "OM-1",
        TeamId = "T-1",
        RiskLevel = RiskLevel.High,
        DueOn = Day.AddDays(-days),
        DaysOverdue = days,
        EscalateTo = level,
    };

    private static EvaluationReport Report(params Finding[] findings) => HandReports.Of(Day, findings);
}
