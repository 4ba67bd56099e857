using System.CommandLine;
using Safeguarding.Rules.Cli.IO;
using Safeguarding.Rules.Cli.Output;

namespace Safeguarding.Rules.Cli.Commands;

/// <summary><c>rules</c>: the rule catalogue (name, finding kind, tags, description).</summary>
internal static class RulesCommand
{
    public static (Command Command, IReadOnlyList<string> Examples) Create()
    {
        var format = CommonOptions.Format(Formats.Table, Formats.Table, Formats.Json);
        var command = new Command("rules", "Lists the rules the engine runs: each rule's stable name (what a host uses to switch it off), the finding kind it produces, its tags and the policy sentence it implements.")
        {
            format,
        };
        command.SetAction(parse => Run(parse.GetValue(format) ?? Formats.Table));
        return (command,
        [
            "safeguarding-rules rules",
            "safeguarding-rules rules --format json",
        ]);
    }

    private static int Run(string format)
    {
        var rules = new SafeguardingEngine().Rules;
        using var stream = OutputTarget.Open(null);
        if (format == Formats.Json)
        {
            RuleCatalogue.WriteJson(rules, stream);
        }
        else
        {
            using var writer = OutputTarget.Writer(stream);
            RuleCatalogue.WriteTable(rules, writer);
        }

        return ExitCodes.Success;
    }
}
