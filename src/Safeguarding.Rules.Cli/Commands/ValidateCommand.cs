using System.CommandLine;
using Safeguarding.Rules.Cli.Input;
using Safeguarding.Rules.Cli.Output;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Policies;

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

    /// <summary>An engine with every rule switched off: it checks the input (contract section 3) and draws no conclusion.</summary>
    private static SafeguardingEngine CheckingEngine()
    {
        var options = new SafeguardingRulesOptions();
        foreach (var rule in new SafeguardingEngine().Rules)
        {
            options.DisableRule(rule.Name);
        }

        return new SafeguardingEngine(options);
    }

    /// <summary>
    /// A policy whose overrides block lets an override name any kind a policy may list, for any length: checking a
    /// snapshot with it leaves out exactly the override checks that depend on the policy (contract section 8).
    /// </summary>
    private static SafeguardingPolicy AnyOverridePolicy()
    {
        var policy = new SafeguardingPolicy();
        policy.Overrides.MaxDays = int.MaxValue;
        policy.Overrides.Kinds = [.. FindingKinds.All.Where(static k => k != FindingKinds.DataQuality)];
        return policy;
    }

    private static int Run(string snapshotPath, string? policyPath)
    {
        var problems = new List<string>();
        var policy = PolicySource.Check(policyPath, problems);

        // The checking engine is compiled on another core while this one reads the snapshot (see BackgroundEngine).
        var checking = Task.Run(CheckingEngine);
        LoadedSnapshot? loaded = null;
        try
        {
            loaded = SnapshotSource.Load(snapshotPath, ProgressReporter.ForStandardError());
        }
        catch (ExpectedFailureException failure)
        {
            problems.AddRange(failure.Problems);
        }

        EvaluationReport? report = null;
        var overridesUnjudged = false;
        if (loaded is not null)
        {
            using (ProgressReporter.ForStandardError().Start("Checking " + Text.Number(loaded.Input.OffenderRecordCount) + " offender records"))
            {
                // With the policy given: whether an override is valid depends on its overrides block (contract section 8). A
                // policy with problems was not loaded, and no other policy may stand in for it (the default's kinds and
                // maxDays would give problems the policy meant to fix, or hide its own): the overrides get every check
                // that depends on no policy, and the closing line says which were skipped.
                report = checking.GetAwaiter().GetResult().Evaluate(loaded.Input, new EvaluationOptions { AllowPartialResults = false, Policy = policy ?? AnyOverridePolicy() });
            }

            problems.AddRange(ProblemText.Lines(report.Problems, loaded.Source));
            overridesUnjudged = policy is null && (loaded.Snapshot.Overrides.Count > 0 || loaded.Input.Problems.Any(static p => p.Array == "overrides"));
        }

        if (problems.Count > 0 || loaded is null || report is null)
        {
            throw new ExpectedFailureException(
                problems,
                ProblemText.Count(problems.Count) + " found."
                + (overridesUnjudged ? " The snapshot's overrides were not checked against overrides.kinds and overrides.maxDays: policy " + policyPath + " could not be loaded." : string.Empty));
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
