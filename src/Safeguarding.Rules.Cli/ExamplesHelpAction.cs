using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Safeguarding.Rules.Cli;

/// <summary>The standard help, followed by the command's examples.</summary>
internal sealed class ExamplesHelpAction(HelpAction standard, IReadOnlyDictionary<Command, IReadOnlyList<string>> examples) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var result = standard.Invoke(parseResult);
        if (examples.TryGetValue(parseResult.CommandResult.Command, out var lines) && lines.Count > 0)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var line in lines)
            {
                output.WriteLine("  " + line);
            }

            output.WriteLine();
        }

        return result;
    }
}
