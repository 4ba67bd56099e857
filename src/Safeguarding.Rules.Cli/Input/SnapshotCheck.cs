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
        var (loaded, report) = Read(snapshotPath, policy, engine, problems);
        if (report is not null)
        {
            problems.AddRange(ProblemText.Lines(report.Problems, loaded!.Source));
        }

        return (loaded, report);
    }

    /// <summary>
    /// Reads and checks the snapshot as <see cref="Check"/> does, adding a line to <paramref name="problems"/> only when it
    /// cannot be read; the caller chooses which of the report's problems to list.
    /// </summary>
    private static (LoadedSnapshot? Loaded, EvaluationReport? Report) Read(string snapshotPath, SafeguardingPolicy? policy, Task<SafeguardingEngine> engine, List<string> problems, bool partialResults = false)
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

        return (loaded, CheckRead(loaded, policy, engine, partialResults));
    }

    private static EvaluationReport CheckRead(LoadedSnapshot loaded, SafeguardingPolicy? policy, Task<SafeguardingEngine> engine, bool partialResults)
    {
        using (ProgressReporter.ForStandardError().Start("Checking " + Text.Number(loaded.Input.OffenderRecordCount) + " offender records"))
        {
            return engine.GetAwaiter().GetResult().Evaluate(loaded.Input, new EvaluationOptions { AllowPartialResults = partialResults, Policy = policy ?? AnyOverridePolicy() });
        }
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
    public static ExpectedFailureException PolicyFailure(List<string> problems, string policySummary, string? snapshotPath, IReadOnlyList<string> policyPaths) =>
        Failure(problems, policySummary, snapshotPath, policyPaths, null, policyPaths);

    /// <summary>
    /// The failure of a command whose other inputs (policy files, an earlier findings document) had
    /// <paramref name="problems"/>: the snapshot is read and checked too (contract section 3: every problem at once), and
    /// its problems follow. With no snapshot problem the closing line is <paramref name="summary"/>; else it names every
    /// file with problems: <paramref name="files"/>, then the snapshot.
    /// </summary>
    /// <param name="problems">The other inputs' problems, one line each; the snapshot's are added.</param>
    /// <param name="summary">The closing line when the snapshot has no problem.</param>
    /// <param name="snapshotPath">The snapshot; <see langword="null"/> for the built-in force, which has no problems.</param>
    /// <param name="files">The files whose problems <paramref name="problems"/> holds, in their order.</param>
    /// <param name="policy">The policy to check the snapshot's overrides with; <see langword="null"/> when it could not be loaded.</param>
    /// <param name="unloadedPolicies">The policy files that could not be loaded, for the sentence about the override checks skipped.</param>
    /// <param name="documentOnly">Only the problems with the snapshot document itself, for a command that accepts rejected records.</param>
    /// <param name="outcome">What did not happen, for the closing line.</param>
    /// <param name="read">The snapshot when the command has read it already (standard input cannot be read twice).</param>
    /// <param name="partialResults">
    /// For a command that would accept rejected records (<c>evaluate --allow-invalid</c>): the lines that report them as
    /// such a run would, given the check's report (evaluated with partial results) and the snapshot's name. They are
    /// warnings, not problems; the problems with the snapshot document itself, which no run accepts, stay problems.
    /// </param>
    public static ExpectedFailureException Failure(
        List<string> problems,
        string? summary,
        string? snapshotPath,
        IReadOnlyList<string> files,
        SafeguardingPolicy? policy,
        IReadOnlyList<string> unloadedPolicies,
        bool documentOnly = false,
        string outcome = "nothing was evaluated",
        LoadedSnapshot? read = null,
        Func<EvaluationReport, string, IReadOnlyList<string>>? partialResults = null)
    {
        if (snapshotPath is null)
        {
            return new ExpectedFailureException(problems, summary); // The built-in force has no problems.
        }

        var before = problems.Count;
        var partial = partialResults is not null;
        var (loaded, report) = read is null ? Read(snapshotPath, policy, StartEngine(), problems, partial) : (read, CheckRead(read, policy, StartEngine(), partial));
        IReadOnlyList<string> warnings = [];
        if (report is not null && partialResults is not null && report.IsEvaluated)
        {
            warnings = report.Problems.Count == 0 ? [] : partialResults(report, loaded!.Source);
        }
        else if (report is not null)
        {
            problems.AddRange(ProblemText.Lines(documentOnly ? report.Problems.Where(static p => p.IsDocumentProblem) : report.Problems, loaded!.Source));
        }

        var skipped = unloadedPolicies.Count == 0 || documentOnly ? string.Empty : SkippedOverrideChecks(loaded, null, string.Join(" and ", unloadedPolicies));
        if (problems.Count == before)
        {
            return new ExpectedFailureException(problems, skipped.Length == 0 ? summary : summary + skipped) { Warnings = warnings };
        }

        var named = files.Append(loaded?.Source ?? snapshotPath).ToList();
        return new ExpectedFailureException(problems, ProblemText.FoundIn(problems.Count, named, outcome) + skipped)
        {
            Warnings = warnings,
        };
    }

    /// <summary>An engine with every rule switched off: it checks the input (contract section 3) and draws no conclusion.</summary>
    private static SafeguardingEngine CheckingEngine() => new(CheckingOptions());

    /// <summary>
    /// The options of <see cref="CheckingEngine"/>: every built-in rule switched off by name. The names are read from the
    /// rules' metadata, scanned once per process; no rule is compiled to learn them, and a rule switched off is not compiled.
    /// </summary>
    internal static SafeguardingRulesOptions CheckingOptions()
    {
        var options = new SafeguardingRulesOptions();
        foreach (var name in RuleSwitches.BuiltIn.Names)
        {
            options.DisableRule(name);
        }

        return options;
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
