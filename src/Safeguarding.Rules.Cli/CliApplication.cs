using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Safeguarding.Rules.Cli.Commands;
using Safeguarding.Rules.Cli.Output;

namespace Safeguarding.Rules.Cli;

/// <summary>Builds the command tree and runs it: parse errors and expected failures exit 2, anything else exits 1, never with a stack trace.</summary>
internal static class CliApplication
{
    public static int Run(string[] args)
    {
        var help = new Dictionary<Command, CommandHelp>();

        // Everything on stderr (problems, warnings, parse errors that quote an argument) goes through one escaping
        // writer, so input text cannot reach the terminal as control characters or start a line of its own.
        var error = TerminalWriter.InstallOnStandardError();
        try
        {
            var root = BuildRootCommand(help);
            var parseResult = root.Parse(args);
            if (parseResult.Action is ParseErrorAction)
            {
                foreach (var parseError in parseResult.Errors)
                {
                    error.WriteLine("error: " + parseError.Message);
                }

                var command = parseResult.CommandResult.Command;
                error.WriteLine("Usage: " + Usage(command));
                error.WriteLine("Run '" + CommandPath(command) + " --help' for every option and examples.");
                return ExitCodes.InvalidInput;
            }

            return parseResult.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (ExpectedFailureException failure)
        {
            foreach (var problem in failure.Problems)
            {
                error.WriteLine("error: " + problem);
            }

            foreach (var warning in failure.Warnings)
            {
                error.WriteLine("warning: " + warning);
            }

            if (failure.Summary is not null)
            {
                error.WriteLine(failure.Summary);
            }

            return ExitCodes.InvalidInput;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("error: cancelled");
            return ExitCodes.UnexpectedFailure;
        }
#pragma warning disable CA1031 // The last line of defence: one line, no stack trace, exit 1.
        catch (Exception unexpected)
#pragma warning restore CA1031
        {
            error.WriteLine("error: unexpected failure: " + unexpected.GetType().Name + ": " + OneLine(unexpected.Message));
            return ExitCodes.UnexpectedFailure;
        }
    }

    internal static RootCommand BuildRootCommand(Dictionary<Command, CommandHelp> help)
    {
        var root = new RootCommand(
            "Evaluates a police force's registered-offender caseload against public-protection policy "
            + "(home-visit intervals, caseloads, escalation, risk reviews, neighbourhood briefings) and reports the findings.");
        help[root] = new CommandHelp(
        [
            "safeguarding-rules evaluate",
            "safeguarding-rules evaluate caseload.json --format json --output findings.json",
            "safeguarding-rules validate caseload.json --policy force-policy.json",
            "safeguarding-rules rules",
            "safeguarding-rules sample --offenders 70000 --output national.json",
        ])
        {
            ExitCodes = StandardExitCodes("done"),
        };

        Add(root, help, EvaluateCommand.Create());
        Add(root, help, ValidateCommand.Create());
        Add(root, help, RulesCommand.Create());
        Add(root, help, PolicyCommand.Create());
        Add(root, help, SampleCommand.Create());
        Add(root, help, ImpactCommand.Create());
        Add(root, help, ExplainCommand.Create());
        Add(root, help, TestCommand.Create());
        Add(root, help, VerifyCommand.Create());

        foreach (var option in root.Options)
        {
            if (option is HelpOption helpOption && helpOption.Action is HelpAction standard)
            {
                helpOption.Action = new HelpWithExamplesAction(standard, help);
            }
        }

        return root;
    }

    /// <summary>The exit codes every command shares, with what 0 means for it.</summary>
    internal static IReadOnlyList<string> StandardExitCodes(string success) =>
    [
        "0  " + success,
        "1  unexpected failure (one line on stderr)",
        "2  invalid input, policy or usage: every problem on stderr, nothing on stdout",
    ];

    private static void Add(RootCommand root, Dictionary<Command, CommandHelp> help, (Command Command, CommandHelp Help) command)
    {
        root.Subcommands.Add(command.Command);
        help[command.Command] = command.Help;
    }

    private static string Usage(Command command)
    {
        var usage = new System.Text.StringBuilder(CommandPath(command));
        if (command is RootCommand)
        {
            return usage.Append(" <command> [options]").ToString();
        }

        foreach (var argument in command.Arguments)
        {
            usage.Append(argument.Arity.MinimumNumberOfValues > 0 ? " <" + argument.Name + ">" : " [" + argument.Name + "]");
        }

        return usage.Append(" [options]").ToString();
    }

    private static string CommandPath(Command command) =>
        command is RootCommand ? "safeguarding-rules" : "safeguarding-rules " + command.Name;

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
