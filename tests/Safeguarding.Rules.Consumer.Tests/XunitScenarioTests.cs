using Safeguarding.Rules.Consumer.Tests.Support;

namespace Safeguarding.Rules.Consumer.Tests;

/// <summary>
/// A new xunit project that takes the kit from the feed and runs scenario files as test cases, the way the README
/// shows; plus one FluentAssertions assertion from the assertions package.
/// </summary>
[Collection(ConsumerCollection.Name)]
public sealed class XunitScenarioTests(PackedFeed feed)
{
    private const string Tests = """
        using FluentAssertions;
        using Safeguarding.Rules;
        using Safeguarding.Rules.Domain;
        using Safeguarding.Rules.Testing;
        using Safeguarding.Rules.Testing.Scenarios;
        using Xunit;

        public sealed class PolicyTests
        {
            private static readonly string Folder = ScenarioFolder.FindUpwards("scenarios");

            public static IEnumerable<object[]> Files() => ScenarioFolder.TestCases(Folder);

            [Theory, MemberData(nameof(Files))]
            public void Scenario_passes(string file) => ScenarioFolder.AssertPasses(Folder, file);

            [Fact]
            public void Builder_HighRiskVisited99DaysAgo_IsEightDaysOverdue() =>
                CaseloadScenario.AsOf(new DateOnly(2018, 5, 1))
                    .Manager("OM-1", team: "T-1")
                    .Offender("RSO-1", RiskLevel.High, o => o.ManagedBy("OM-1").LastVisitedDaysAgo(99))
                    .Evaluate()
                    .Should().HaveFinding(FindingKinds.VisitOverdue).ForOffender("RSO-1").WithDaysOverdue(8);
        }
        """;

    // A scenario that expects 9 days where the policy gives 8: the consumer's run must fail on it with the diff.
    private const string Failing = """
        description: deliberately wrong, to show a failure reaches the test runner with its diff
        asOf: 2018-05-01
        given:
          managers:
            - { id: OM-1, team: T-1 }
          offenders:
            - { id: RSO-1, risk: High, manager: OM-1, lastVisitedDaysAgo: 99 }
        expect:
          - { kind: VisitOverdue, offender: RSO-1, daysOverdue: 9 }
        """;

    [Fact]
    public void XunitProject_KitFromTheFeed_RunsEachScenarioFileAsATest()
    {
        var folder = feed.NewConsumerFolder("xunit");
        File.WriteAllText(Path.Combine(folder, "PolicyTests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <IsTestProject>true</IsTestProject>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Safeguarding.Rules.Testing" Version="{feed.Version}" />
                <PackageReference Include="Safeguarding.Rules.Testing.FluentAssertions" Version="{feed.Version}" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{PackedFeed.PinnedVersion("Microsoft.NET.Test.Sdk")}" />
                <PackageReference Include="xunit" Version="{PackedFeed.PinnedVersion("xunit")}" />
                <PackageReference Include="xunit.runner.visualstudio" Version="{PackedFeed.PinnedVersion("xunit.runner.visualstudio")}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "PolicyTests.cs"), Tests);
        var scenarios = Directory.CreateDirectory(Path.Combine(folder, "scenarios")).FullName;
        File.Copy(Path.Combine(Repository.Scenarios, "escalation", "high-risk-7-vs-8-days.yaml"), Path.Combine(scenarios, "high-risk-7-vs-8-days.yaml"));
        File.WriteAllText(Path.Combine(scenarios, "wrong-days.yaml"), Failing);

        var result = feed.Dotnet(folder, "test", "-c", "Release");

        result.ExitCode.Should().NotBe(0, "one scenario is wrong on purpose: {0}", result);
        result.StandardOutput.Should().MatchRegex(@"Failed!\s+-\s+Failed:\s+1, Passed:\s+2, Skipped:\s+0, Total:\s+3", result.ToString())
            .And.Contain("Scenario_passes(file: \"wrong-days.yaml\")")
            .And.Contain("ScenarioFailedException")
            .And.Contain("daysOverdue (expected 9, actual 8)");
    }
}
