using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Safeguarding.Rules.Cli.Commands;

namespace Safeguarding.Rules.Cli;

/// <summary>The standard help, followed by the command's details, exit codes and examples.</summary>
internal sealed class HelpWithExamplesAction(HelpAction standard, IReadOnlyDictionary<Command, CommandHelp> help) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var result = standard.Invoke(parseResult);
        if (!help.TryGetValue(parseResult.CommandResult.Command, out var extra))
        {
            return result;
        }

        var output = parseResult.InvocationConfiguration.Output;
        Section(output, "Details:", extra.Details);
        Section(output, "Exit codes:", extra.ExitCodes);
        Section(output, "Examples:", extra.Examples);
        return result;
    }

    private static void Section(TextWriter output, string title, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        output.WriteLine(title);
        foreach (var line in lines)
        {
            output.WriteLine("  " + line);
        }

        output.WriteLine();
    }
}
