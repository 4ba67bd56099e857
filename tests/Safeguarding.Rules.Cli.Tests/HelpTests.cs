using Safeguarding.Rules.Cli.Tests.Support;

namespace Safeguarding.Rules.Cli.Tests;

public sealed class HelpTests
{
    [Theory]
    [InlineData("", "safeguarding-rules evaluate")]
    [InlineData("evaluate", "safeguarding-rules evaluate caseload.json")]
    [InlineData("validate", "safeguarding-rules validate caseload.json")]
    [InlineData("rules", "safeguarding-rules rules --format json")]
    [InlineData("policy", "safeguarding-rules policy --policy")]
    [InlineData("sample", "safeguarding-rules sample --offenders")]
    public void Help_EveryCommand_ShowsUsageAndExamples(string command, string example)
    {
        var args = command.Length == 0 ? new[] { "--help" } : new[] { command, "--help" };

        var result = CliProcess.Run(args);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain("Usage:").And.Contain("Examples:").And.Contain(example);
    }

    [Fact]
    public void Run_UnknownCommand_Exits2()
    {
        var result = CliProcess.Run("evaluat");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Should().Contain("evaluat");
    }
}
