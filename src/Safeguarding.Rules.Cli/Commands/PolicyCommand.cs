using System.CommandLine;
using Safeguarding.Rules.Cli.Input;
using Safeguarding.Rules.Cli.IO;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Cli.Commands;

/// <summary><c>policy [--policy FILE]</c>: prints the effective policy, the file merged over the defaults, as JSON.</summary>
internal static class PolicyCommand
{
    public static (Command Command, CommandHelp Help) Create()
    {
        var policy = CommonOptions.Policy();
        var command = new Command("policy", "Prints the effective policy (the policy file merged over the defaults) as JSON.")
        {
            policy,
        };
        command.SetAction(parse => Run(parse.GetValue(policy)));
        return (command, new CommandHelp(
        [
            "safeguarding-rules policy",
            "safeguarding-rules policy --policy force-policy.json",
        ])
        {
            Details =
            [
                "Shows a policy team exactly what will run. Every property of a policy file is optional;",
                "unknown properties and impossible values are errors that name the property.",
            ],
            ExitCodes = CliApplication.StandardExitCodes("printed"),
        });
    }

    private static int Run(string? policyPath)
    {
        var policy = PolicySource.Load(policyPath);
        using var target = OutputTarget.Open(null);
        PolicyJson.Write(policy, target.Stream);
        target.Commit();
        return ExitCodes.Success;
    }
}
