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
        // Every problem of every input is listed in one run (contract section 3): the document's, the policy's, the snapshot's.
        var problems = new List<string>();
        var document = ReadDocument(findingsPath, problems);
        var policy = PolicySource.Check(policyPath, problems);
        if (document is null || policy is null)
        {
            throw Failure(findingsPath, document is not null, document is null ? null : FindingsVerifier.ReadProblem(document), snapshotPath, policyPath, policy, problems, null);
        }

        LoadedSnapshot loaded;
        string? documentProblem = null;
        try
        {
            loaded = SnapshotSource.Load(snapshotPath, ProgressReporter.ForStandardError());
        }
        catch (ExpectedFailureException) when ((documentProblem = FindingsVerifier.ReadProblem(document)) is not null)
        {
            throw Failure(findingsPath, true, documentProblem, snapshotPath, policyPath, policy, [], null);
        }

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
                if (FindingsVerifier.ReadProblem(document) is { } problem)
                {
                    // The document cannot be read: the snapshot's own problems are listed with its.
                    throw Failure(findingsPath, true, problem, snapshotPath, policyPath, policy, problems, loaded);
                }

                throw new ExpectedFailureException(findingsPath + ": " + result.Message);
        }
    }

    /// <summary>
    /// The failure of a run whose inputs have problems: <paramref name="problems"/> (files that cannot be read, the
    /// policy's), then the document's (<paramref name="documentProblem"/>, when it was <paramref name="documentRead"/>
    /// but cannot be understood) and the snapshot's. The snapshot's rejected records are not bad input to verify (a
    /// document written with partial results lists them), so only the problems with the snapshot document itself are.
    /// </summary>
    private static ExpectedFailureException Failure(string findingsPath, bool documentRead, string? documentProblem, string snapshotPath, string? policyPath, Policies.SafeguardingPolicy? policy, List<string> problems, LoadedSnapshot? loaded)
    {
        var files = new List<string>();
        if (!documentRead || documentProblem is not null)
        {
            files.Add(findingsPath);
        }

        if (documentProblem is not null)
        {
            problems.Insert(0, findingsPath + ": " + documentProblem);
        }

        if (policy is null)
        {
            files.Add(policyPath!);
        }

        var summary = files.Count switch
        {
            0 => ProblemText.Count(problems.Count) + " found; nothing was verified.",
            1 when policy is null => ProblemText.Count(problems.Count) + " in policy " + policyPath + ".",
            1 when problems.Count == 1 => null, // One unreadable document, worded as before.
            1 => ProblemText.Count(problems.Count) + " in " + files[0] + "; nothing was verified.",
            _ => ProblemText.FoundIn(problems.Count, files, "nothing was verified"),
        };
        return SnapshotCheck.Failure(problems, summary, snapshotPath, files, policy, [], documentOnly: true, outcome: "nothing was verified", read: loaded);
    }

    private static byte[]? ReadDocument(string path, List<string> problems)
    {
        if (Directory.Exists(path))
        {
            problems.Add(path + ": is a directory, not a findings document");
            return null;
        }

        if (!File.Exists(path))
        {
            problems.Add(path + ": findings document not found");
            return null;
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(path + ": cannot be read: " + e.Message.ReplaceLineEndings(" "));
            return null;
        }
    }
}
