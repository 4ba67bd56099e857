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
