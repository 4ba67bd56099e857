using System.CommandLine;
using Safeguarding.Rules.Cli.IO;
using Safeguarding.Rules.Cli.Output;

namespace Safeguarding.Rules.Cli.Commands;

/// <summary><c>rules</c>: the rule catalogue (name, finding kind, tags, description).</summary>
internal static class RulesCommand
{
    public static (Command Command, CommandHelp Help) Create()
    {
        var format = CommonOptions.Format(Formats.Table, Formats.Table, Formats.Json);
        var command = new Command("rules", "Lists the rule catalogue: each rule's name, finding kind, tags and description.")
        {
            format,
        };
        command.SetAction(parse => Run(parse.GetValue(format) ?? Formats.Table));
        return (command, new CommandHelp(
        [
            "safeguarding-rules rules",
            "safeguarding-rules rules --format json",
        ])
        {
            Details =
            [
                "A rule's name is stable: it is the finding's 'rule' field and what a host uses to switch the rule off.",
            ],
            ExitCodes = CliApplication.StandardExitCodes("listed"),
        });
    }

    private static int Run(string format)
    {
        var rules = new SafeguardingEngine().Rules;
        using var target = OutputTarget.Open(null);
        if (format == Formats.Json)
        {
            RuleCatalogue.WriteJson(rules, target.Stream);
        }
        else
        {
            using var writer = OutputTarget.TextWriter(target.Stream);
            RuleCatalogue.WriteTable(rules, writer);
        }

        target.Commit();

        return ExitCodes.Success;
    }
}
