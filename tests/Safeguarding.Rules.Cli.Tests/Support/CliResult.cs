namespace Safeguarding.Rules.Cli.Tests.Support;

/// <summary>What one run of the CLI process produced.</summary>
internal sealed record CliResult(int ExitCode, byte[] StdOutBytes, string StdErr)
{
    public string StdOut => System.Text.Encoding.UTF8.GetString(StdOutBytes);

    /// <summary>Asserts that stderr holds no stack frame and no exception type: expected errors are plain lines.</summary>
    public void ShouldHaveNoStackTrace()
    {
        StdErr.Should().NotMatchRegex(@"(?m)^\s+at \S", "an expected error has no stack trace");
        StdErr.Should().NotContain("Exception", "an expected error names no exception type");
    }

    public override string ToString() => $"exit {ExitCode}; stderr: {StdErr}";
}
