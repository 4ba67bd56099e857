using Safeguarding.Rules.Consumer.Tests.Support;

namespace Safeguarding.Rules.Consumer.Tests;

/// <summary>A new console app that takes Safeguarding.Rules from the feed, reads a snapshot and evaluates it.</summary>
[Collection(ConsumerCollection.Name)]
public sealed class ConsoleAppTests(PackedFeed feed)
{
    // RSO-1 is High risk (interval 91) and was last visited 2018-01-22, 99 days before 2018-05-01: due 2018-04-23,
    // 8 days overdue. RSO-2 is Low risk (interval 365), visited 2018-03-01: nothing due.
    private const string Snapshot = """
        {
          "schemaVersion": 1,
          "teams": [ { "id": "T-1" } ],
          "managers": [ { "id": "OM-1", "teamId": "T-1" } ],
          "offenders": [
            { "id": "RSO-1", "managerId": "OM-1", "riskLevel": "High", "riskAssessedOn": "2018-04-01", "registeredOn": "2015-03-02" },
            { "id": "RSO-2", "managerId": "OM-1", "riskLevel": "Low", "riskAssessedOn": "2018-04-01", "registeredOn": "2015-03-02" }
          ],
          "visits": [
            { "offenderId": "RSO-1", "date": "2018-01-22", "outcome": "Completed" },
            { "offenderId": "RSO-2", "date": "2018-03-01", "outcome": "Completed" }
          ]
        }
        """;

    private const string Program = """
        using Safeguarding.Rules;
        using Safeguarding.Rules.Serialization;

        var engine = new SafeguardingEngine();
        var snapshot = SnapshotJson.ReadFile(args[0]);
        var report = engine.Evaluate(snapshot, new EvaluationOptions { AsOf = new DateOnly(2018, 5, 1) });
        Console.WriteLine("evaluated: " + report.IsEvaluated);
        foreach (var finding in report.Findings)
        {
            Console.WriteLine(finding.Kind + " " + (finding.OffenderId ?? finding.ManagerId ?? finding.TeamId) + " " + finding.DaysOverdue);
        }
        """;

    [Fact]
    public void ConsoleApp_LibraryFromTheFeed_EvaluatesASnapshot()
    {
        var folder = feed.NewConsumerFolder("console");
        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Safeguarding.Rules" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), Program);
        File.WriteAllText(Path.Combine(folder, "caseload.json"), Snapshot);

        var result = feed.Dotnet(folder, "run", "-c", "Release", "--", "caseload.json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StandardOutput.Should().Contain("evaluated: True").And.Contain("VisitOverdue RSO-1 8", result.ToString());
        Directory.Exists(Path.Combine(feed.Packages, "safeguarding.rules", feed.Version)).Should()
            .BeTrue("the package is restored from this run's feed into this run's packages folder");
    }
}
