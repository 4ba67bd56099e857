using Safeguarding.Rules.Testing.Scenarios;
using Safeguarding.Rules.Testing.Tests.Support;

namespace Safeguarding.Rules.Testing.Tests.Scenarios;

/// <summary>Overrides under <c>given</c> in scenario files (contract section 8).</summary>
public sealed class ScenarioOverridesTests
{
    private const string Header = """
        description: test
        asOf: 2018-05-01
        given:
          managers: [ { id: OM-1, team: T-1 } ]
          offenders:
            - { id: RSO-1, risk: High, manager: OM-1, lastVisitedDaysAgo: 100 }
          overrides:

        """;

    [Fact]
    public void Parse_Override_BuildsItIntoTheSnapshot()
    {
        var scenario = Yaml.Valid(Header + """
                - { id: OV-1, finding: "VisitOverdue:RSO-1", reasonCode: ABROAD, authorisedBy: DS-9, fromOn: 2018-04-20, untilDaysAgo: -14 }
            expect:
              - { kind: VisitOverdue, none: true }
            """);

        var entry = scenario.Snapshot.Overrides.Should().ContainSingle().Subject;
        entry.Id.Should().Be("OV-1");
        entry.FindingId.Should().Be("VisitOverdue:RSO-1");
        entry.ReasonCode.Should().Be("ABROAD");
        entry.AuthorisedBy.Should().Be("DS-9");
        entry.From.Should().Be(new DateOnly(2018, 4, 20));
        entry.Until.Should().Be(new DateOnly(2018, 5, 15));
    }

    [Fact]
    public void Parse_OverrideWithoutItsDays_NamesEachMissingField()
    {
        var problems = Yaml.Parse(Header + """
                - { id: OV-1, finding: "VisitOverdue:RSO-1" }
            expect:
              - { kind: VisitOverdue, none: true }
            """);

        problems.Problems.Select(p => p.Field).Should().Contain(["given.overrides[0].fromDaysAgo", "given.overrides[0].untilDaysAgo"]);
    }

    [Fact]
    public void Run_ActiveOverride_SuppressesTheFinding()
    {
        var result = new ScenarioRunner().Run(Yaml.Valid(Header + """
                - { id: OV-1, finding: "VisitOverdue:RSO-1", fromDaysAgo: 5, untilDaysAgo: -5 }
            expect:
              - { kind: VisitOverdue, none: true }
            """));

        result.Passed.Should().BeTrue();
    }
}
