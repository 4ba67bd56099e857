using System.CommandLine;
using Safeguarding.Rules.Cli.Input;
using Safeguarding.Rules.Cli.IO;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Cli.Commands;

/// <summary><c>policy [--policy FILE]</c>: prints the effective policy, the file merged over the defaults, as JSON.</summary>
internal static class PolicyCommand
{
    public static (Command Command, IReadOnlyList<string> Examples) Create()
    {
        var policy = CommonOptions.Policy();
        var command = new Command("policy", "Prints the effective policy as JSON (contract section 4): the policy file's values merged over the defaults, so a policy team sees exactly what will run. Exit code 2 when the file is invalid, with every problem naming the property.")
        {
            policy,
        };
        command.SetAction(parse => Run(parse.GetValue(policy)));
        return (command,
        [
            "safeguarding-rules policy",
            "safeguarding-rules policy --policy force-policy.json",
        ]);
    }

    private static int Run(string? policyPath)
    {
        var policy = PolicySource.Load(policyPath);
        using var stream = OutputTarget.Open(null);
        PolicyJson.Write(policy, stream);
        return ExitCodes.Success;
    }
}
