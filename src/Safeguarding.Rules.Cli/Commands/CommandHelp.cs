namespace Safeguarding.Rules.Cli.Commands;

/// <summary>What <c>--help</c> prints for a command after the standard sections: details, exit codes and examples.</summary>
/// <param name="Examples">Command lines to copy.</param>
internal sealed record CommandHelp(IReadOnlyList<string> Examples)
{
    /// <summary>Paragraphs that say more than the one-line description.</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <summary>One line per exit code: <c>0  evaluated ...</c>.</summary>
    public IReadOnlyList<string> ExitCodes { get; init; } = [];
}
