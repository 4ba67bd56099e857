namespace Safeguarding.Rules.Consumer.Tests.Support;

/// <summary>How a process ended: its exit code and everything it wrote.</summary>
internal sealed record ProcessResult(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>The command and its output, for assertion messages.</summary>
    public override string ToString() =>
        $"{Command}\nexit code {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}
