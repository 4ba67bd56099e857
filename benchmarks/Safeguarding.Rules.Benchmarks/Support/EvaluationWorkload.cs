using System.Globalization;
using Safeguarding.Rules.Benchmarks.Baselines;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Synthetic;
using Safeguarding.Rules.TestSupport.Oracle;

namespace Safeguarding.Rules.Benchmarks.Support;

/// <summary>
/// One generated caseload and the evaluators timed against each other: the policy engine, the oracle (hand-written for
/// clarity), the fast floor (hand-written for speed) and Microsoft RulesEngine. Everything here is built before any timing.
/// </summary>
public sealed class EvaluationWorkload
{
    private readonly SafeguardingEngine _engine;
    private readonly EvaluationOptions _options;
    private readonly SafeguardingPolicy _policy;
    private readonly RulesEngineBaseline _rulesEngine;

    private EvaluationWorkload(CaseloadSnapshot snapshot, DateOnly asOf)
    {
        Snapshot = snapshot;
        AsOf = asOf;
        _engine = new SafeguardingEngine();
        _options = new EvaluationOptions { AsOf = asOf };
        _policy = new SafeguardingPolicy();
        _rulesEngine = new RulesEngineBaseline(_policy);
    }

    /// <summary>The generated caseload.</summary>
    public CaseloadSnapshot Snapshot { get; }

    /// <summary>The as-of date every evaluator uses: the snapshot's own.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Generates a caseload of <paramref name="offenders"/> with the generator's defaults and seed 1, and builds the evaluators.</summary>
    /// <param name="offenders">The number of offender records.</param>
    /// <returns>The workload.</returns>
    public static EvaluationWorkload Create(int offenders) => Create(offenders, V1);

    /// <summary>The input of the existing targets: the generator's v1 records only (offenders, managers, teams, visits, briefings; its child-protection rates set to 0).</summary>
    public const string V1 = "v1";

    /// <summary>The v1 records and the child-protection records at the generator's default rates (contract section 6, issue 10).</summary>
    public const string ChildProtection = "cp";

    /// <summary>The v1 records and overrides (300 per 1,000 offenders), to exercise section 8 in the agreement checks.</summary>
    public const string WithOverrides = "overrides";

    /// <summary>Generates a caseload of <paramref name="offenders"/> for <paramref name="workload"/> (<see cref="V1"/>, <see cref="WithOverrides"/>) with seed 1, and builds the evaluators.</summary>
    /// <param name="offenders">The number of offender records.</param>
    /// <param name="workload">Which records the caseload holds.</param>
    /// <returns>The workload.</returns>
    public static EvaluationWorkload Create(int offenders, string workload)
    {
        var snapshot = Generate(offenders, workload);
        var asOf = snapshot.AsOf ?? throw new InvalidOperationException("The synthetic caseload has no asOf date.");
        return new EvaluationWorkload(snapshot, asOf);
    }

    /// <summary>Generates the caseload of <paramref name="workload"/> with <paramref name="offenders"/> offenders and seed 1.</summary>
    /// <param name="offenders">The number of offender records.</param>
    /// <param name="workload"><see cref="V1"/>, <see cref="ChildProtection"/> or <see cref="WithOverrides"/>.</param>
    /// <returns>The snapshot.</returns>
    public static CaseloadSnapshot Generate(int offenders, string workload) => workload switch
        {
        V1 => SyntheticCaseload.Generate(WithoutChildProtection(offenders, overridesPerThousand: 0)),
        WithOverrides => SyntheticCaseload.Generate(WithoutChildProtection(offenders, overridesPerThousand: 300)),
        ChildProtection => SyntheticCaseload.Generate(new SyntheticCaseloadOptions { Offenders = offenders }),
        _ => throw new ArgumentException("Unknown workload " + workload + "; expected " + V1 + ", " + ChildProtection + " or " + WithOverrides + ".", nameof(workload)),
    };

    /// <summary>The generator's options with no child-protection records: the same offenders, managers, teams, visits and briefings as with them.</summary>
    private static SyntheticCaseloadOptions WithoutChildProtection(int offenders, int overridesPerThousand) => new()
    {
        Offenders = offenders,
        OverridesPerThousand = overridesPerThousand,
        StrategyDiscussionsPerThousandOffenders = 0,
        DetentionsPerThousandOffenders = 0,
        PoliceProtectionsPerThousandOffenders = 0,
    };

    /// <summary>The policy engine: a full evaluation with the default policy.</summary>
    /// <returns>The report.</returns>
    public EvaluationReport Engine() => _engine.Evaluate(Snapshot, _options);

    /// <summary>The oracle: plain loops and dictionaries.</summary>
    /// <returns>The oracle's report.</returns>
    public OracleReport Oracle() => ReferenceEvaluator.Evaluate(Snapshot, AsOf, _policy);

    /// <summary>The fast floor: the whole evaluation hand-written for speed (arrays, no LINQ, parallel passes).</summary>
    /// <returns>The floor's report.</returns>
    public FloorReport Floor() => FastFloor.Evaluate(Snapshot, AsOf, _policy);

    /// <summary>Microsoft RulesEngine, one record after another on the calling thread.</summary>
    /// <returns>Its findings.</returns>
    public Task<RulesEngineOutcome> RulesEngine() => _rulesEngine.EvaluateAsync(Snapshot, AsOf);

    /// <summary>Microsoft RulesEngine with the offender records spread over every core.</summary>
    /// <returns>Its findings.</returns>
    public Task<RulesEngineOutcome> RulesEngineParallel() => _rulesEngine.EvaluateParallelAsync(Snapshot, AsOf);

    /// <summary>
    /// Runs every evaluator once and throws unless they all give the same summary counts, so that no timing compares
    /// evaluators that do different work. It also warms up RulesEngine's expression cache.
    /// </summary>
    /// <returns>The counts they agree on.</returns>
    /// <exception cref="InvalidOperationException">An evaluator disagrees with the oracle, or the engine did not evaluate.</exception>
    public SummaryCounts EnsureAgreement()
    {
        var report = Engine();
        if (!report.IsEvaluated || report.Problems.Count > 0)
        {
            throw new InvalidOperationException(Text(
                $"The engine did not evaluate the synthetic caseload of {Snapshot.Offenders.Count} offenders cleanly: {report.Problems.Count} input problems, first: {(report.Problems.Count > 0 ? report.Problems[0] : null)}"));
        }

        // The floor must give the engine's report: every finding (but the reason's wording), in order, and the whole summary.
        FloorCheck.EnsureSame(Floor(), report, Text($"the synthetic caseload of {Snapshot.Offenders.Count} offenders"));

        var oracle = SummaryCounts.From(Oracle());
        var problems = new List<string>();
        Compare("SafeguardingEngine", SummaryCounts.From(report), oracle, problems);
        if (Snapshot.Overrides.Count == 0)
        {
            // The RulesEngine baseline does not apply overrides (section 8), so it is compared on inputs without them only.
            Compare("RulesEngine", RulesEngine().GetAwaiter().GetResult().Counts(), oracle, problems);
            Compare("RulesEngine (parallel)", RulesEngineParallel().GetAwaiter().GetResult().Counts(), oracle, problems);
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(Text(
                $"The evaluators disagree on the synthetic caseload of {Snapshot.Offenders.Count} offenders (as of {AsOf:yyyy-MM-dd}), so timing them would compare different work. ")
                + string.Join(" ", problems));
        }

        return oracle;
    }

    private static void Compare(string name, SummaryCounts counts, SummaryCounts oracle, List<string> problems)
    {
        var differences = counts.DifferencesFrom(oracle);
        if (differences.Count > 0)
        {
            problems.Add(name + " vs oracle: " + string.Join("; ", differences) + ".");
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
