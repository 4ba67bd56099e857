using System.CommandLine;
using Safeguarding.Rules.Cli.Input;
using Safeguarding.Rules.Cli.Output;
using Safeguarding.Rules.Evaluation;

namespace Safeguarding.Rules.Cli.Commands;

/// <summary><c>validate SNAPSHOT [--policy FILE]</c>: checks a snapshot and a policy and lists every problem.</summary>
internal static class ValidateCommand
{
    public static (Command Command, CommandHelp Help) Create()
    {
        var snapshot = new Argument<string>("SNAPSHOT")
        {
            Description = "A caseload snapshot file (contract section 1), a folder of CSV files (section 9), or - for standard input.",
        };
        var policy = CommonOptions.Policy();
        policy.Description = "A policy file (contract section 4) to check as well.";

        var command = new Command("validate", "Checks a snapshot (and a policy) without evaluating, listing every problem.")
        {
            snapshot, policy,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(snapshot), parse.GetValue(policy)));
        return (command, new CommandHelp(
        [
            "safeguarding-rules validate caseload.json",
            "safeguarding-rules validate caseload.json --policy force-policy.json",
            "cat caseload.json | safeguarding-rules validate -",
        ])
        {
            Details =
            [
                "Each problem names the record (array, index and id) and the field, or the policy property.",
            ],
            ExitCodes = CliApplication.StandardExitCodes("valid"),
        });
    }

    private static int Run(string snapshotPath, string? policyPath)
    {
        var problems = new List<string>();
        var policy = PolicySource.Check(policyPath, problems);

        // The checking engine is compiled on another core while this one reads the snapshot (see BackgroundEngine).
        var (loaded, report) = SnapshotCheck.Check(snapshotPath, policy, SnapshotCheck.StartEngine(), problems);
        if (problems.Count > 0 || loaded is null || report is null)
        {
            throw new ExpectedFailureException(problems, ProblemText.Count(problems.Count) + " found." + SnapshotCheck.SkippedOverrideChecks(loaded, policy, policyPath ?? string.Empty));
        }

        var snapshot = loaded.Snapshot;
        using var output = new TerminalWriter(Console.Out, ownsInner: false);
        output.WriteLine(
            loaded.Source + ": valid: " + Text.Number(loaded.Input.OffenderRecordCount) + " offenders, " + Text.Number(snapshot.Managers.Count) + " managers, "
            + (snapshot.Teams is { } teams ? Text.Number(teams.Count) + " teams, " : "no teams list, ") + Text.Number(snapshot.Visits.Count) + " visits, "
            + Text.Number(snapshot.Briefings.Count) + " briefings" + Later(snapshot) + (snapshot.AsOf is { } asOf ? ", as of " + Text.Date(asOf) : ", no asOf") + ".");
        if (policyPath is not null && policy is not null)
        {
            output.WriteLine(policyPath + ": valid: policy version " + policy.Version + ".");
        }

        return ExitCodes.Success;
    }

    /// <summary>The counts of the contract v1.1 arrays a snapshot holds (none for a v1 snapshot): <c>, 40 strategy discussions, 80 detentions</c>.</summary>
    private static string Later(Domain.CaseloadSnapshot snapshot)
    {
        (int Count, string Name)[] arrays =
        [
            (snapshot.StrategyDiscussions.Count, " strategy discussions"),
            (snapshot.Detentions.Count, " detentions"),
            (snapshot.PoliceProtections.Count, " police protections"),
            (snapshot.Overrides.Count, " overrides"),
        ];
        return string.Concat(arrays.Where(static a => a.Count > 0).Select(static a => ", " + Text.Number(a.Count) + a.Name));
    }
}
