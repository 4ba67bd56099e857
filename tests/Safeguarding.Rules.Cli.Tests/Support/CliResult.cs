namespace Safeguarding.Rules.Cli.Tests.Support;

/// <summary>What one run of the CLI process produced.</summary>
internal sealed record CliResult(int ExitCode, byte[] StdOutBytes, string StdErr)
{
    public string StdOut => System.Text.Encoding.UTF8.GetString(StdOutBytes);

    public override string ToString() => $"exit {ExitCode}; stderr: {StdErr}";
}
