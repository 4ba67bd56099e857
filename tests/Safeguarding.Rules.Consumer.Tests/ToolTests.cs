using Safeguarding.Rules.Consumer.Tests.Support;

namespace Safeguarding.Rules.Consumer.Tests;

/// <summary>The CLI as a .NET tool: installed from the feed with <c>dotnet tool install --tool-path</c>, then run.</summary>
[Collection(ConsumerCollection.Name)]
public sealed class ToolTests(PackedFeed feed)
{
    [Fact]
    public void Install_FromTheFeed_CarriesNoAssertionLibrary()
    {
        var files = Directory.GetFiles(feed.ToolPath, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();

        files.Should().Contain("safeguarding-rules").And.Contain("Safeguarding.Rules.Testing.dll");
        files.Should().NotContain(f => f!.StartsWith("FluentAssertions", StringComparison.OrdinalIgnoreCase),
            "the tool runs scenario files through the kit, which needs no assertion library");
    }

    [Fact]
    public void Evaluate_BuiltInSample_PrintsTheFindingsAndExits0()
    {
        var result = feed.Tool(feed.Root, "evaluate");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StandardOutput.Should().Contain("VisitOverdue", result.ToString());
    }

    [Fact]
    public void Test_TheRepositorysScenarios_AllPassAndExits0()
    {
        var result = feed.Tool(feed.Root, "test", Repository.Scenarios);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StandardOutput.Should().Contain("PASS escalation/high-risk-7-vs-8-days.yaml")
            .And.MatchRegex(@"\d+ scenarios in .*: \d+ passed, 0 failed, 0 unreadable");
    }
}
