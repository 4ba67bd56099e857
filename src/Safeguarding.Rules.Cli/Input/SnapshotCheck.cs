using Safeguarding.Rules.Cli.Output;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Cli.Input;

/// <summary>
/// Checks a snapshot as contract section 3 does, drawing no conclusion (every rule switched off): for <c>validate</c>, and
/// for the commands that found problems in a policy first, so that a user sees every problem of every input in one run.
/// </summary>
internal static class SnapshotCheck
{
    /// <summary>Starts compiling the checking engine on another core, while this one reads the snapshot.</summary>
    public static Task<SafeguardingEngine> StartEngine() => Task.Run(CheckingEngine);

    /// <summary>
    /// Reads and checks the snapshot at <paramref name="snapshotPath"/> and adds one line per problem to
    /// <paramref name="problems"/>. Whether an override is valid depends on the policy's overrides block (contract section
    /// 8): with <paramref name="policy"/> <see langword="null"/> (a policy with problems, which was not loaded) no other
    /// policy stands in for it, and only the override checks that no policy changes are made (see <see cref="SkippedOverrideChecks"/>).
    /// </summary>
    /// <returns>The snapshot, or <see langword="null"/> when it could not be read; and the checking report.</returns>
    public static (LoadedSnapshot? Loaded, EvaluationReport? Report) Check(string snapshotPath, SafeguardingPolicy? policy, Task<SafeguardingEngine> engine, List<string> problems)
    {
        LoadedSnapshot loaded;
        try
        {
            loaded = SnapshotSource.Load(snapshotPath, ProgressReporter.ForStandardError());
        }
        catch (ExpectedFailureException failure)
        {
            problems.AddRange(failure.Problems);
            return (null, null);
        }

        EvaluationReport report;
        using (ProgressReporter.ForStandardError().Start("Checking " + Text.Number(loaded.Input.OffenderRecordCount) + " offender records"))
        {
            report = engine.GetAwaiter().GetResult().Evaluate(loaded.Input, new EvaluationOptions { AllowPartialResults = false, Policy = policy ?? AnyOverridePolicy() });
        }

        problems.AddRange(ProblemText.Lines(report.Problems, loaded.Source));
        return (loaded, report);
    }

    /// <summary>
    /// The sentence that says the override checks depending on the policy were skipped, when the snapshot has overrides
    /// and was checked without a policy; else empty.
    /// </summary>
    public static string SkippedOverrideChecks(LoadedSnapshot? loaded, SafeguardingPolicy? policy, string policyPaths) =>
        policy is null && loaded is not null && (loaded.Snapshot.Overrides.Count > 0 || loaded.Input.Problems.Any(static p => p.Array == "overrides"))
            ? " The snapshot's overrides were not checked against overrides.kinds and overrides.maxDays: policy " + policyPaths + " could not be loaded."
            : string.Empty;

    /// <summary>
    /// The failure of a command whose policy files had <paramref name="problems"/>: the snapshot is read and checked too
    /// (contract section 3: every problem at once), and its problems follow the policies'. With no snapshot problem the
    /// closing line is <paramref name="policySummary"/>, as before; else it names every file with problems.
    /// </summary>
    public static ExpectedFailureException PolicyFailure(List<string> problems, string policySummary, string? snapshotPath, IReadOnlyList<string> policyPaths)
    {
        if (snapshotPath is null)
        {
            return new ExpectedFailureException(problems, policySummary); // The built-in force has no problems.
        }

        var policyProblems = problems.Count;
        var (loaded, _) = Check(snapshotPath, null, StartEngine(), problems);
        var skipped = SkippedOverrideChecks(loaded, null, string.Join(" and ", policyPaths));
        if (problems.Count == policyProblems)
        {
            return new ExpectedFailureException(problems, policySummary + skipped);
        }

        var files = policyPaths.Append(loaded?.Source ?? snapshotPath).ToList();
        return new ExpectedFailureException(
            problems,
            ProblemText.Count(problems.Count) + " found in " + string.Join(", ", files.Take(files.Count - 1)) + " and " + files[^1] + "; nothing was evaluated." + skipped);
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
}
