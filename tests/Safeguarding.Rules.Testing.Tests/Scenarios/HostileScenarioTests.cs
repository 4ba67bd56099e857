using System.Text;
using Safeguarding.Rules.Testing.Scenarios;
using Safeguarding.Rules.Testing.Tests.Support;

namespace Safeguarding.Rules.Testing.Tests.Scenarios;

/// <summary>Scenario files that ask for unbounded work: each is refused with a problem instead of exhausting the machine.</summary>
public sealed class HostileScenarioTests
{
    private static string Deep(string open, string close, int depth) =>
        new StringBuilder().Insert(0, open, depth).Append('x').Insert(open.Length * depth + 1, close, depth).ToString();

    [Fact]
    public void Parse_FlowCollectionsNestedSixtyThousandDeep_IsOneProblemNotAStackOverflow()
    {
        var loaded = Yaml.Parse("description: deep\ngiven: " + Deep("[", "]", 60_000) + "\n");

        loaded.Scenario.Should().BeNull();
        var problem = loaded.Problems.Should().ContainSingle().Subject;
        problem.Field.Should().Be("$");
        problem.Message.Should().Be("nests mappings and sequences more than 64 levels deep; a scenario needs fewer than ten");
        problem.Line.Should().Be(2);
    }

    [Fact]
    public void Parse_BlockSequencesNestedSixtyThousandDeep_IsOneProblem()
    {
        var yaml = "description: deep\ngiven: \n  " + Deep("- ", string.Empty, 60_000) + "\n";

        var loaded = Yaml.Parse(yaml);

        loaded.Problems.Should().ContainSingle().Which.Message.Should().Contain("more than 64 levels deep");
    }

    [Fact]
    public void Parse_NestingAtTheCap_IsReadAsUsual()
    {
        // 64 levels in all: the top mapping, given's value and 62 nested sequences.
        var loaded = Yaml.Parse("description: deep\nasOf: 2018-05-01\ngiven: " + Deep("[", "]", 62) + "\nexpect: []\n");

        loaded.Problems.Should().NotContain(p => p.Message.Contains("levels deep", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0001-01-01", "registeredDaysAgo: 10", "given.offenders[0].registeredDaysAgo")]
    [InlineData("9999-12-31", "registeredDaysAgo: -10", "given.offenders[0].registeredDaysAgo")]
    [InlineData("0001-01-03", "lastVisitedDaysAgo: 3", "given.offenders[0].lastVisitedDaysAgo")]
    [InlineData("0001-01-03", "noAccessDaysAgo: 3", "given.offenders[0].noAccessDaysAgo")]
    public void Parse_DaysAgoReachingPastTheCalendar_IsAProblemOfThatFieldNotACrash(string asOf, string field, string path)
    {
        // The CLI's test command exits 2 for a file it cannot read, naming the file, line and field; a date before
        // 0001-01-01 or after 9999-12-31 cannot be built, so it is such a problem.
        var loaded = Yaml.Parse("description: the edge of the calendar\nasOf: " + asOf + "\ngiven:\n  offenders:\n    - { id: RSO-1, risk: Low, " + field + " }\nexpect: []\n");

        loaded.Scenario.Should().BeNull();
        var problem = loaded.Problems.Should().ContainSingle().Subject;
        problem.Field.Should().Be(path);
        problem.Line.Should().Be(5);
    }

    [Fact]
    public void Parse_AsOfOnTheFirstDayOfTheCalendar_ReadsWithoutCrashing()
    {
        // The offender's default registration and assessment dates lie before asOf; they cannot lie before the calendar.
        var loaded = Yaml.Parse("description: day one\nasOf: 0001-01-01\ngiven:\n  offenders:\n    - { id: RSO-1, risk: Low, registeredOn: 0001-01-01 }\nexpect: []\n");

        loaded.Problems.Should().BeEmpty();
        loaded.Scenario!.AsOf.Should().Be(new DateOnly(1, 1, 1));
    }

    [Fact]
    public void Parse_HoldingOnTheFirstDayOfTheCalendar_ReadsWithoutCrashing()
    {
        // Filler offenders are visited the day before asOf, which does not exist on 0001-01-01.
        var loaded = Yaml.Parse("description: day one\nasOf: 0001-01-01\ngiven:\n  managers: [ { id: OM-1, holding: 2 } ]\nexpect: []\n");

        loaded.Problems.Should().BeEmpty();
        loaded.Scenario!.Snapshot.Offenders.Should().HaveCount(2);
    }

    [Fact]
    public void Parse_HoldingsAddingUpPastTheCap_IsAProblemOfTheManagerThatCrossesIt()
    {
        var yaml = """
            description: three managers asking for 180,000 filler offenders between them
            asOf: 2018-05-01
            given:
              managers:
                - { id: OM-1, holding: 60000 }
                - { id: OM-2, holding: 60000 }
                - { id: OM-3, holding: 60000 }
            expect: []
            """;

        var loaded = Yaml.Parse(yaml);

        loaded.Scenario.Should().BeNull();
        var problem = loaded.Problems.Should().ContainSingle().Subject;
        problem.Field.Should().Be("given.managers[1].holding");
        problem.Message.Should().Be("brings the managers' holdings to more than 100,000 filler offenders; a scenario may ask for at most 100,000 in total");
        problem.Line.Should().Be(6);
    }

    [Fact]
    public void Parse_TenThousandManagersEachHoldingTheMost_IsRefusedWithoutBuildingThem()
    {
        var yaml = new StringBuilder("description: a billion filler offenders\nasOf: 2018-05-01\ngiven:\n  managers:\n");
        for (var i = 0; i < 10_000; i++)
        {
            yaml.Append("    - { id: OM-").Append(i).Append(", holding: 100000 }\n");
        }

        var loaded = Yaml.Parse(yaml.Append("expect: []\n").ToString());

        loaded.Scenario.Should().BeNull();
        loaded.Problems.Should().ContainSingle().Which.Field.Should().Be("given.managers[1].holding");
    }
}
