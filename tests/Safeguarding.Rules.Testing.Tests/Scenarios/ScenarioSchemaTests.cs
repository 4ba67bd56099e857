using Safeguarding.Rules.Findings;
using Safeguarding.Rules.Testing.Scenarios;
using Safeguarding.Rules.Testing.Tests.Support;

namespace Safeguarding.Rules.Testing.Tests.Scenarios;

/// <summary>The scenario language's expected findings against the findings schema: every kind, every field.</summary>
public sealed class ScenarioSchemaTests
{
    /// <summary>A value of each field type in the scenario language, and the text the findings document would hold.</summary>
    private static readonly Dictionary<FindingValueType, string> Values = new()
    {
        [FindingValueType.Text] = "X-1",
        [FindingValueType.Number] = "7",
        [FindingValueType.Date] = "2018-04-10",
        [FindingValueType.RiskLevel] = "High",
        [FindingValueType.EscalationLevel] = "Supervisor",
        [FindingValueType.Instant] = "2018-04-30T20:15:00Z",
        [FindingValueType.Boolean] = "true",
    };

    public static TheoryData<string> Kinds() => new(FindingSchema.Kinds.Select(k => k.Kind!));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Parse_EveryFieldOfTheKind_IsReadIntoTheExpectationUnderItsContractName(string kind)
    {
        var fields = FindingSchema.Of(kind).Fields;
        var line = "{ kind: " + kind + string.Concat(fields.Select(f => ", " + f.Alias + ": " + Values[f.Type])) + " }";

        var expectation = Yaml.Valid(Scenario(line)).Expectations.Should().ContainSingle().Subject;

        expectation.Fields.Should().BeEquivalentTo(fields.ToDictionary(f => f.Name, f => Values[f.Type]));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Parse_AFieldOfAnotherKind_IsAProblemListingTheKindsFields(string kind)
    {
        var own = FindingSchema.Of(kind).Fields;
        var other = FindingSchema.Fields.First(f => !own.Contains(f));

        var loaded = Yaml.Parse(Scenario("{ kind: " + kind + ", " + other.Alias + ": " + Values[other.Type] + " }"));

        var problem = loaded.Problems.Should().ContainSingle().Subject;
        problem.Field.Should().Be("expect[0]." + other.Alias);
        problem.Message.Should().Be("is not a field of " + kind + " findings; they have " + string.Join(", ", own.Select(f => f.Alias)));
    }

    [Fact]
    public void Parse_AnEscalationLevelOutsideTheKindsOrder_IsAProblem()
    {
        var loaded = Yaml.Parse(Scenario("{ kind: VisitOverdue, offender: RSO-1, escalateTo: Inspector }"));

        loaded.Problems.Should().ContainSingle().Which.Message.Should().Be("unknown value; expected OffenderManager, Supervisor or DetectiveInspector");
    }

    [Fact]
    public void ToString_WritesTheFieldsByTheirScenarioNamesInTheSchemasOrder()
    {
        var expectation = new FindingExpectation
        {
            Kind = FindingKinds.UnitBacklog,
            Fields = new Dictionary<string, string> { ["caseload"] = "40", ["teamId"] = "T-1", ["overdueVisits"] = "3" },
        };

        expectation.ToString().Should().Be("{ kind: UnitBacklog, team: T-1, caseload: 40, overdueVisits: 3 }");
    }

    [Fact]
    public void Mismatches_AFieldNameOutsideTheSchema_IsReportedNotIgnored()
    {
        var expectation = new FindingExpectation { Kind = FindingKinds.UnitBacklog, Fields = new Dictionary<string, string> { ["team"] = "T-1" } };
        var finding = new Finding { Kind = FindingKinds.UnitBacklog, Rule = "UnitBacklog", Reason = "r", TeamId = "T-1" };

        expectation.Mismatches(finding).Should().Equal("team (not a finding field)");
    }

    private static string Scenario(string expectation) => $"""
        description: schema
        asOf: 2018-05-01
        given:
          offenders: [ {"{"} id: RSO-1, risk: Low {"}"} ]
        expect:
          - {expectation}
        """;
}
