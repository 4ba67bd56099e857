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
            loaded.Source + ": valid: " + Text.Count(loaded.Input.OffenderRecordCount, "offender") + ", " + Text.Count(snapshot.Managers.Count, "manager") + ", "
            + (snapshot.Teams is { } teams ? Text.Count(teams.Count, "team") + ", " : "no teams list, ") + Text.Count(snapshot.Visits.Count, "visit") + ", "
            + Text.Count(snapshot.Briefings.Count, "briefing") + Later(snapshot) + AsOfText(snapshot) + ".");
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
            (snapshot.StrategyDiscussions.Count, "strategy discussion"),
            (snapshot.Detentions.Count, "detention"),
            (snapshot.PoliceProtections.Count, "police protection"),
            (snapshot.Overrides.Count, "override"),
        ];
        return string.Concat(arrays.Where(static a => a.Count > 0).Select(static a => ", " + Text.Count(a.Count, a.Name)));
    }

    /// <summary>
    /// The date a run without <c>--as-of</c> evaluates the snapshot as of, and where it comes from: its <c>asOf</c>, else the
    /// United Kingdom date of its <c>extractedAt</c> (contract section 6), else none (a run takes today).
    /// </summary>
    private static string AsOfText(Domain.CaseloadSnapshot snapshot) => snapshot switch
    {
        { AsOf: { } asOf } => ", as of " + Text.Date(asOf),
        { ExtractedAt: { } extracted } => ", as of " + Text.Date(ChildProtection.AsOfInstant.Date(null, null, extracted, TimeProvider.System)) + " (from extractedAt)",
        _ => ", no asOf",
    };
}
