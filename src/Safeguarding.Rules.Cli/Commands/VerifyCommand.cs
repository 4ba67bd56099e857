using System.CommandLine;
using Safeguarding.Rules.Cli.Input;
using Safeguarding.Rules.Cli.Output;
using Safeguarding.Rules.Records;

namespace Safeguarding.Rules.Cli.Commands;

/// <summary>
/// <c>verify FINDINGS SNAPSHOT [--policy FILE]</c>: checks a findings document against its decision record (contract
/// section 8) by re-evaluating the snapshot as of the document's date.
/// </summary>
internal static class VerifyCommand
{
    public static (Command Command, CommandHelp Help) Create()
    {
        var findings = new Argument<string>("FINDINGS")
        {
            Description = "A findings document written by evaluate --format json (contract sections 5 and 8), with its record.",
        };
        var snapshot = new Argument<string>("SNAPSHOT")
        {
            Description = "The caseload snapshot file (or folder of CSV files, contract section 9) the document claims to come from, or - for standard input.",
        };
        var policy = CommonOptions.Policy();
        policy.Description = "The policy file of the run that wrote the document. Default: the default policy.";

        var command = new Command("verify", "Checks that a findings document came from this snapshot, policy and rules and was not altered.")
        {
            findings, snapshot, policy,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(findings), parse.GetRequiredValue(snapshot), parse.GetValue(policy)));
        return (command, new CommandHelp(
        [
            "safeguarding-rules verify findings.json caseload.json",
            "safeguarding-rules verify findings.json caseload.json --policy force-policy.json",
        ])
        {
            Details =
            [
                "Re-evaluates the snapshot as of the document's asOf (with partial results when it has 'rejected'), then",
                "compares the record's snapshotSha256, policySha256 and rulesSha256, then the whole document, ignoring",
                "'changes' and 'change'. The first difference is named: a hash, or a path such as findings[12].escalateTo.",
                "Whitespace and property order do not matter: the hashes are of RFC 8785 canonical forms.",
            ],
            ExitCodes =
            [
                "0  verified: the hashes agree and re-evaluating gives the same document",
                "1  differs: the first difference on stdout (or an unexpected failure, one line on stderr)",
                "2  unreadable input, a document without a record, or invalid policy or usage: every problem on stderr",
            ],
        });
    }

    private static int Run(string findingsPath, string snapshotPath, string? policyPath)
    {
        var document = ReadDocument(findingsPath);
        var policy = policyPath is null ? null : PolicySource.Load(policyPath);
        var loaded = SnapshotSource.Load(snapshotPath, ProgressReporter.ForStandardError());

        var result = FindingsVerifier.Verify(document, loaded.Input, new SafeguardingEngine(), policy);
        switch (result.Outcome)
        {
            case VerificationOutcome.Verified:
                Console.Out.WriteLine(findingsPath + ": " + result.Message + ".");
                return ExitCodes.Success;
            case VerificationOutcome.Differs:
                Console.Out.WriteLine(findingsPath + ": " + result.Message + ".");
                return ExitCodes.Differs;
            default:
                throw new ExpectedFailureException(findingsPath + ": " + result.Message);
        }
    }

    private static byte[] ReadDocument(string path)
    {
        if (Directory.Exists(path))
        {
            throw new ExpectedFailureException(path + ": is a directory, not a findings document");
        }

        if (!File.Exists(path))
        {
            throw new ExpectedFailureException(path + ": findings document not found");
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ExpectedFailureException(path + ": cannot be read: " + e.Message.ReplaceLineEndings(" "), e);
        }
    }
}
