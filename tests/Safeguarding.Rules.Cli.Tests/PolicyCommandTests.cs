using Safeguarding.Rules.Cli.Tests.Support;

namespace Safeguarding.Rules.Cli.Tests;

public sealed class PolicyCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Policy_NoFile_PrintsTheContractDefaults()
    {
        var result = CliProcess.Run("policy");

        result.ExitCode.Should().Be(0, result.ToString());
        var policy = Json.Parse(result.StdOutBytes);
        policy.Str("version").Should().Be("default");
        policy.Int("visitIntervalDays.veryHigh").Should().Be(30);
        policy.Int("visitIntervalDays.high").Should().Be(91);
        policy.Int("visitIntervalDays.medium").Should().Be(182);
        policy.Int("visitIntervalDays.low").Should().Be(365);
        policy.Int("firstVisitDays").Should().Be(28);
        policy.Int("dueSoonDays").Should().Be(14);
        policy.Int("caseload.target").Should().Be(50);
        policy.Int("caseload.critical").Should().Be(75);
        policy.Int("escalation.supervisorAfterDays").Should().Be(14);
        policy.Int("escalation.inspectorAfterDays").Should().Be(28);
        policy.Int("escalation.highRiskInspectorAfterDays").Should().Be(7);
        policy.At("escalation.unitBacklogPercent").GetDecimal().Should().Be(5m);
        policy.Int("repeatedNoAccessVisits").Should().Be(2);
        policy.Int("riskReviewDays").Should().Be(365);
        policy.Int("initialAssessmentDays").Should().Be(28);
        policy.Int("neighbourhoodBriefingDays").Should().Be(7);
    }

    [Fact]
    public void Policy_PartialFile_IsMergedOverTheDefaults()
    {
        var path = _files.Write("policy.json", """{ "visitIntervalDays": { "high": 60 }, "escalation": { "unitBacklogPercent": 2.5 } }""");

        var result = CliProcess.Run("policy", "--policy", path);

        result.ExitCode.Should().Be(0, result.ToString());
        var policy = Json.Parse(result.StdOutBytes);
        policy.Str("version").Should().Be("default");
        policy.Int("visitIntervalDays.high").Should().Be(60);
        policy.Int("visitIntervalDays.veryHigh").Should().Be(30);
        policy.Int("visitIntervalDays.low").Should().Be(365);
        policy.At("escalation.unitBacklogPercent").GetDecimal().Should().Be(2.5m);
        policy.Int("escalation.supervisorAfterDays").Should().Be(14);
        policy.Int("caseload.critical").Should().Be(75);
    }

    [Fact]
    public void Policy_UnknownProperty_Exits2NamingIt()
    {
        var path = _files.Write("policy.json", """{ "caseload": { "targett": 40 } }""");

        var result = CliProcess.Run("policy", "--policy", path);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Should().Contain("targett");
    }

    [Fact]
    public void Policy_MissingFile_Exits2()
    {
        var result = CliProcess.Run("policy", "--policy", _files.Path("absent.json"));

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Should().Contain("absent.json").And.Contain("not found");
    }
}
