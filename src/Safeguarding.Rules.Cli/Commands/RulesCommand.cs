using System.CommandLine;
using Safeguarding.Rules.Cli.Input;
using Safeguarding.Rules.Cli.IO;
using Safeguarding.Rules.Cli.Output;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Cli.Commands;

/// <summary><c>rules [--policy FILE]</c>: the rule catalogue (name, finding kind, tags, description), its descriptions showing the policy's values.</summary>
internal static class RulesCommand
{
    public static (Command Command, CommandHelp Help) Create()
    {
        var format = CommonOptions.Format(Formats.Table, Formats.Table, Formats.Json);
        var policy = CommonOptions.Policy();
        var command = new Command("rules", "Lists the rule catalogue: each rule's name, finding kind, tags and description, with the policy's values.")
        {
            format, policy,
        };
        command.SetAction(parse => Run(parse.GetValue(format) ?? Formats.Table, parse.GetValue(policy)));
        return (command, new CommandHelp(
        [
            "safeguarding-rules rules",
            "safeguarding-rules rules --format json",
            "safeguarding-rules rules --policy force-policy.json",
        ])
        {
            Details =
            [
                "A rule's name is stable: it is the finding's 'rule' field and what a host uses to switch the rule off.",
                "Descriptions show the values of the policy given with --policy (default: the default policy).",
            ],
            ExitCodes = CliApplication.StandardExitCodes("listed"),
        });
    }

    private static int Run(string format, string? policyPath)
    {
        var policy = PolicySource.Load(policyPath);
        var rules = new SafeguardingEngine(new SafeguardingRulesOptions { Policy = policy }).Rules;
        using var target = OutputTarget.Open(null);
        if (format == Formats.Json)
        {
            RuleCatalogueJson.Write(rules, target.Stream);
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
