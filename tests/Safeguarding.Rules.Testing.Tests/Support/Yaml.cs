using Safeguarding.Rules.Testing.Scenarios;

namespace Safeguarding.Rules.Testing.Tests.Support;

/// <summary>Scenario files written in tests.</summary>
internal static class Yaml
{
    public const string File = "test.yaml";

    public static ScenarioLoadResult Parse(string yaml) => ScenarioFile.Parse(yaml, File);

    public static Scenario Valid(string yaml)
    {
        var loaded = Parse(yaml);
        loaded.Problems.Should().BeEmpty();
        return loaded.Scenario!;
    }

    /// <summary>A scenario with one Medium risk offender RSO-1 of OM-1 (team T-1) last visited <paramref name="lastVisitedDaysAgo"/> days before 2018-05-01.</summary>
    public static string OneOffender(int lastVisitedDaysAgo, string expect, string extra = "") => $$"""
        description: test
        asOf: 2018-05-01
        {{extra}}
        given:
          managers: [ { id: OM-1, team: T-1 } ]
          offenders:
            - { id: RSO-1, risk: Medium, manager: OM-1, lastVisitedDaysAgo: {{lastVisitedDaysAgo}} }
        expect:
        {{expect}}
        """;
}
