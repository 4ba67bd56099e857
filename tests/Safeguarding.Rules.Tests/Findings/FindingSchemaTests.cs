using System.Text.Json;
using FluentAssertions;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Findings;
using Safeguarding.Rules.Impact;
using Safeguarding.Rules.Serialization;
using Xunit;

namespace Safeguarding.Rules.Tests.Findings;

/// <summary>
/// The findings schema against the contract, and every writer against the schema. The contract's tables are written
/// out here by hand (section 5, the fields table; section 7, the identity parts) so that the schema is checked against
/// the contract, not against itself.
/// </summary>
public sealed class FindingSchemaTests
{
    /// <summary>Contract section 5: the fields of each kind besides kind, rule and reason, in table order.</summary>
    private static readonly (string Kind, string[] Fields)[] ContractTable =
    [
        ("VisitOverdue", ["offenderId", "managerId", "teamId", "riskLevel", "dueOn", "daysOverdue", "escalateTo"]),
        ("VisitDueSoon", ["offenderId", "managerId", "teamId", "riskLevel", "dueOn", "daysUntilDue"]),
        ("RepeatedNoAccess", ["offenderId", "managerId", "teamId", "riskLevel", "noAccessVisits"]),
        ("ReactiveManagementIneligible", ["offenderId", "managerId", "teamId", "riskLevel"]),
        ("CaseloadAboveTarget", ["managerId", "teamId", "caseload"]),
        ("CaseloadCritical", ["managerId", "teamId", "caseload"]),
        ("Unallocated", ["offenderId", "riskLevel"]),
        ("UnitBacklog", ["teamId", "overdueVisits", "caseload"]),
        ("RiskReviewOverdue", ["offenderId", "managerId", "teamId", "riskLevel", "dueOn"]),
        ("NeighbourhoodNotBriefed", ["offenderId", "managerId", "teamId", "neighbourhoodId", "since"]),
        ("StrategyOutcomeNotRecorded", ["discussionId", "teamId", "heldOn", "dueOn", "daysOverdue"]),
        ("StrategyActionOverdue", ["discussionId", "actionId", "teamId", "dueOn", "daysOverdue"]),
        ("AppropriateAdultDelayed", ["detentionId", "custodySuiteId", "authorisedAt", "minutesWaited", "awaiting", "escalateTo"]),
        ("InterviewWithoutAppropriateAdult", ["detentionId", "custodySuiteId", "interviewStartedAt"]),
        ("PoliceProtectionExceeded", ["protectionId", "teamId", "startedAt", "hoursInProtection"]),
        ("LocalAuthorityNotInformed", ["protectionId", "teamId", "startedAt", "minutesToInform", "awaiting"]),
        ("DataQuality", ["offenderId", "array", "index", "recordId"]),
    ];

    /// <summary>Contract section 7: the identity parts of each kind.</summary>
    private static readonly Dictionary<string, string[]> ContractIdentity = new()
    {
        ["VisitOverdue"] = ["offenderId"],
        ["VisitDueSoon"] = ["offenderId"],
        ["RepeatedNoAccess"] = ["offenderId"],
        ["ReactiveManagementIneligible"] = ["offenderId"],
        ["CaseloadAboveTarget"] = ["managerId"],
        ["CaseloadCritical"] = ["managerId"],
        ["Unallocated"] = ["offenderId"],
        ["UnitBacklog"] = ["teamId"],
        ["RiskReviewOverdue"] = ["offenderId"],
        ["NeighbourhoodNotBriefed"] = ["offenderId", "neighbourhoodId"],
        ["StrategyOutcomeNotRecorded"] = ["discussionId"],
        ["StrategyActionOverdue"] = ["discussionId", "actionId"],
        ["AppropriateAdultDelayed"] = ["detentionId"],
        ["InterviewWithoutAppropriateAdult"] = ["detentionId", "interviewStartedAt"],
        ["PoliceProtectionExceeded"] = ["protectionId"],
        ["LocalAuthorityNotInformed"] = ["protectionId"],
        ["DataQuality"] = ["array", "index"],
    };

    public static TheoryData<string> Kinds() => new(ContractTable.Select(k => k.Kind));

    [Fact]
    public void Kinds_AreTheContractKindsInTheContractOrder()
    {
        FindingSchema.Kinds.Select(k => k.Kind).Should().Equal(ContractTable.Select(k => k.Kind));
        FindingKinds.All.Should().Equal(ContractTable.Select(k => k.Kind));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Fields_OfEachKind_AreTheContractTablesRowInOrder(string kind)
    {
        FindingSchema.Of(kind).Fields.Select(f => f.Name).Should().Equal(ContractTable.Single(k => k.Kind == kind).Fields);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Identity_OfEachKind_IsSection7s(string kind)
    {
        FindingSchema.Of(kind).Identity.Select(f => f.Name).Should().Equal(ContractIdentity[kind]);
    }

    [Fact]
    public void Fields_AreInTheOrderTheyFirstAppearInTheTable()
    {
        // Section 5's table (DataQuality then has offenderId and index), then section 6's kinds and DataQuality's additions.
        var sectionFive = ContractTable.Take(10).Append(("DataQuality", ["offenderId", "index"]));
        var firstAppearance = sectionFive.Concat(ContractTable.Skip(10)).SelectMany(k => k.Fields).Distinct().ToList();

        FindingSchema.Fields.Select(f => f.Name).Should().Equal(firstAppearance);
    }

    [Fact]
    public void SummaryKeys_AreTheKindNamesInCamelCase()
    {
        FindingSchema.Kinds.Select(k => k.SummaryKey).Should().Equal(
            "visitOverdue", "visitDueSoon", "repeatedNoAccess", "reactiveManagementIneligible", "caseloadAboveTarget",
            "caseloadCritical", "unallocated", "unitBacklog", "riskReviewOverdue", "neighbourhoodNotBriefed",
            "strategyOutcomeNotRecorded", "strategyActionOverdue", "appropriateAdultDelayed", "interviewWithoutAppropriateAdult",
            "policeProtectionExceeded", "localAuthorityNotInformed", "dataQuality");
    }

    [Fact]
    public void Aliases_AreTheScenarioFileNames()
    {
        FindingSchema.Fields.Select(f => f.Alias).Should().Equal(
            "offender", "manager", "team", "risk", "dueOn", "daysOverdue", "escalateTo", "daysUntilDue", "noAccessVisits",
            "caseload", "overdueVisits", "neighbourhood", "since", "index", "discussion", "heldOn", "action", "detention",
            "custodySuite", "authorisedAt", "minutesWaited", "awaiting", "interviewStartedAt", "protection", "startedAt",
            "hoursInProtection", "minutesToInform", "array", "record");
    }

    [Fact]
    public void Id_OfAnOffenderFinding_IsTheKindAndTheOffender()
    {
        Full("VisitOverdue").Id.Should().Be("VisitOverdue:RSO-000123");
    }

    [Fact]
    public void Id_OfADataQualityFinding_NamesTheArrayAndTheIndex()
    {
        new Finding { Kind = "DataQuality", Rule = "DataQuality", Reason = "r", OffenderId = "RSO-9", Index = 12 }.Id
            .Should().Be("DataQuality:offenders:#12");
    }

    [Fact]
    public void Id_OfAChildProtectionDataQualityFinding_NamesItsArray()
    {
        new Finding { Kind = "DataQuality", Rule = "r", Reason = "r", Array = "detentions", Index = 3, RecordId = "CUS-1" }.Id
            .Should().Be("DataQuality:detentions:#3");
    }

    [Fact]
    public void Id_OfAnInterviewFinding_HasTheStartAsWritten()
    {
        Full("InterviewWithoutAppropriateAdult").Id.Should().Be("InterviewWithoutAppropriateAdult:CUS-00931:2018-05-01T08%3A00%3A00Z");
    }

    [Fact]
    public void Id_OfANeighbourhoodFinding_HasBothParts()
    {
        Full("NeighbourhoodNotBriefed").Id.Should().Be("NeighbourhoodNotBriefed:RSO-000123:NPT-07");
    }

    [Fact]
    public void Id_EscapesPercentAndColonInEachPart()
    {
        var finding = new Finding { Kind = "VisitOverdue", Rule = "r", Reason = "r", OffenderId = "A:B%C%3A" };

        finding.Id.Should().Be("VisitOverdue:A%3AB%25C%253A");
    }

    [Theory]
    [InlineData(":")]
    [InlineData("%")]
    [InlineData("::%%")]
    [InlineData("plain")]
    [InlineData("")]
    public void Id_OfALongPart_IsTheKindAndThePartEscaped_HoweverLong(string unit)
    {
        // Ids are built in a buffer on the stack that a long one outgrows; every length around it gives the same id.
        foreach (var repeats in new[] { 1, 20, 40, 41, 63, 64, 65, 200 })
        {
            var part = "RSO-" + string.Concat(Enumerable.Repeat(unit + "x", repeats));
            var finding = new Finding { Kind = "VisitOverdue", Rule = "r", Reason = "r", OffenderId = part };

            finding.Id.Should().Be("VisitOverdue:" + part.Replace("%", "%25", StringComparison.Ordinal).Replace(":", "%3A", StringComparison.Ordinal), "a part of {0} characters", part.Length);
        }
    }

    [Fact]
    public void Id_OfAHostKind_IsTeamManagerOffenderThosePresent()
    {
        new Finding { Kind = "LicenceCheck", Rule = "h", Reason = "r", OffenderId = "RSO-1", TeamId = "T:1" }.Id
            .Should().Be("LicenceCheck:T%3A1:RSO-1");
        new Finding { Kind = "ForceWide", Rule = "h", Reason = "r" }.Id.Should().Be("ForceWide");
    }

    [Fact]
    public void EqualFindings_HaveEqualHashes_AndTheHashIgnoresTheReason()
    {
        var a = Full("VisitOverdue");
        var b = a with { Reason = "another reason" };

        a.Should().Be(a with { });
        a.GetHashCode().Should().Be((a with { }).GetHashCode());
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.Should().NotBe(b);
    }

    [Fact]
    public void Differences_SinceEarlierRun_IgnoresCountersThatMoveWithTime()
    {
        var before = Full("VisitOverdue");
        var after = before with { DaysOverdue = before.DaysOverdue + 1 };

        FindingSchema.Differences(before, after, FindingComparison.SinceEarlierRun).Should().BeEmpty();
        FindingSchema.Differences(before, after, FindingComparison.EveryField).Select(f => f.Name).Should().Equal("daysOverdue");
    }

    [Fact]
    public void Differences_AFieldPresentOnOneSideOnly_Differs()
    {
        var before = Full("VisitOverdue");
        var after = before with { ManagerId = null, TeamId = null };

        FindingSchema.Differences(before, after, FindingComparison.SinceEarlierRun).Select(f => f.Name).Should().Equal("managerId", "teamId");
    }

    [Fact]
    public void MovesWithTime_IsExactlySection7sCounters()
    {
        FindingSchema.Fields.Where(f => f.MovesWithTime).Select(f => f.Name).Should().BeEquivalentTo("daysOverdue", "daysUntilDue", "minutesWaited", "hoursInProtection", "minutesToInform");
    }

    [Fact]
    public void EscalationLevels_ListTheKindsOwnLevelsLowestFirst()
    {
        FindingSchema.Of("VisitOverdue").EscalationLevels.Should().Equal(EscalationLevel.OffenderManager, EscalationLevel.Supervisor, EscalationLevel.DetectiveInspector);
        FindingSchema.Of("VisitDueSoon").EscalationLevels.Should().BeEmpty();
    }

    [Fact]
    public void SharedLists_CannotBeChangedThroughACast()
    {
        // Shared by every evaluation in the process: a host casting one to an array must not be able to rename a kind.
        FindingKinds.All.Should().NotBeAssignableTo<string[]>();
        (FindingKinds.All as IList<string>)?.IsReadOnly.Should().BeTrue();
        FindingSchema.Of("VisitOverdue").EscalationLevels.Should().NotBeAssignableTo<EscalationLevel[]>();
        (FindingSchema.Of("VisitOverdue").EscalationLevels as IList<EscalationLevel>)?.IsReadOnly.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void FindingsJson_WritesExactlyTheKindsFieldsInTableOrder(string kind)
    {
        var written = WrittenFinding(Full(kind));

        written.EnumerateObject().Select(p => p.Name).Should().Equal(["kind", "id", "rule", .. ContractTable.Single(k => k.Kind == kind).Fields, "reason"]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void FindingsJson_WritesEachValueAsTheSchemaFormatsIt(string kind)
    {
        var finding = Full(kind);
        var written = WrittenFinding(finding);

        foreach (var field in FindingSchema.Of(kind).Fields)
        {
            var value = written.GetProperty(field.Name);
            var text = value.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False ? value.GetRawText() : value.GetString();
            text.Should().Be(field.Format(finding), field.Name);
            value.ValueKind.Should().Be(
                field.Type switch
                {
                    FindingValueType.Number => JsonValueKind.Number,
                    FindingValueType.Boolean => finding.Awaiting == true ? JsonValueKind.True : JsonValueKind.False,
                    _ => JsonValueKind.String,
                },
                field.Name);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ImpactJson_WritesTheKindsFieldsForEachSide(string kind)
    {
        var finding = Full(kind);
        var baseline = Report(finding with { Reason = "before" });
        var proposed = Report(finding with { Reason = "after", Caseload = finding.Caseload + 1, DaysOverdue = finding.DaysOverdue + 1 });
        using var stream = new MemoryStream();

        ImpactJson.Write(PolicyImpact.Compare(baseline, proposed), stream);

        using var document = JsonDocument.Parse(stream.ToArray());
        var changes = document.RootElement.GetProperty("changes").EnumerateArray().ToList();
        if (changes.Count == 0)
        {
            FindingSchema.Of(kind).Fields.Should().NotContain(f => f.Name == "caseload" || f.Name == "daysOverdue");
            return;
        }

        var side = changes.Single().GetProperty("proposed");
        side.EnumerateObject().Select(p => p.Name).Should().Equal(["rule", .. ContractTable.Single(k => k.Kind == kind).Fields, "reason"]);
    }

    /// <summary>A finding of <paramref name="kind"/> with every field of the schema set (writers must leave out the kind's others).</summary>
    internal static Finding Full(string kind) => new()
    {
        Kind = kind,
        Rule = kind + "Rule",
        Reason = "reason",
        OffenderId = "RSO-000123",
        ManagerId = "OM-017",
        TeamId = "T-NORTH",
        RiskLevel = RiskLevel.High,
        DueOn = new DateOnly(2018, 4, 10),
        DaysOverdue = 21,
        DaysUntilDue = 3,
        EscalateTo = EscalationLevel.DetectiveInspector,
        NoAccessVisits = 2,
        Caseload = 51,
        OverdueVisits = 4,
        NeighbourhoodId = "NPT-07",
        Since = new DateOnly(2017, 11, 20),
        Index = 12,
        DiscussionId = "SD-0412",
        ActionId = "1",
        HeldOn = new DateOnly(2018, 4, 20),
        DetentionId = "CUS-00931",
        CustodySuiteId = "CS-1",
        AuthorisedAt = new DateTimeOffset(2018, 4, 30, 20, 15, 0, TimeSpan.Zero),
        MinutesWaited = 265,
        Awaiting = false,
        InterviewStartedAt = new DateTimeOffset(2018, 5, 1, 8, 0, 0, TimeSpan.Zero),
        ProtectionId = "PP-0077",
        StartedAt = new DateTimeOffset(2018, 4, 29, 9, 0, 0, TimeSpan.Zero),
        HoursInProtection = 73,
        MinutesToInform = 250,
        Array = "detentions",
        RecordId = "CUS-00931",
    };

    private static JsonElement WrittenFinding(Finding finding)
    {
        using var stream = new MemoryStream();
        FindingsJson.Write(Report(finding), stream);
        using var document = JsonDocument.Parse(stream.ToArray());
        return document.RootElement.GetProperty("findings")[0].Clone();
    }

    private static EvaluationReport Report(params Finding[] findings) => HandReports.Of(new DateOnly(2018, 5, 1), findings);
}
