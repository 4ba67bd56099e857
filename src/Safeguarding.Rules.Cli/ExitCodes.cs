namespace Safeguarding.Rules.Cli;

/// <summary>The process exit codes of every command.</summary>
internal static class ExitCodes
{
    /// <summary>The command did its work (for <c>evaluate</c>, whether or not there are findings).</summary>
    public const int Success = 0;

    /// <summary>An unexpected failure: a one-line message on stderr.</summary>
    public const int UnexpectedFailure = 1;

    /// <summary><c>verify</c>: the findings document does not match its snapshot, policy or rules, or was altered.</summary>
    public const int Differs = 1;

    /// <summary>Invalid input, policy or usage: every problem listed on stderr, nothing on stdout.</summary>
    public const int InvalidInput = 2;
}
