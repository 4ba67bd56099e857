using BenchmarkDotNet.Attributes;
using Safeguarding.Rules.Benchmarks.Baselines;
using Safeguarding.Rules.Benchmarks.Support;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.TestSupport.Oracle;

namespace Safeguarding.Rules.Benchmarks;

/// <summary>
/// A full evaluation of a generated caseload with the default policy by the engine, against two baselines: the oracle
/// (hand-written loops, the floor; <c>Baseline</c>) and Microsoft RulesEngine 6. Set-up generates the caseload, builds
/// the engine and RulesEngine's workflows, and checks that all of them give the same summary counts.
/// </summary>
[MemoryDiagnoser]
public abstract class EvaluationBenchmarksBase
{
    private EvaluationWorkload? _workload;

    /// <summary>The summary counts all evaluators agreed on in set-up.</summary>
    public SummaryCounts? AgreedCounts { get; private set; }

    /// <summary>The number of offender records to generate.</summary>
    protected abstract int OffenderCount { get; }

    /// <summary>The input (<see cref="EvaluationWorkload.V1"/> unless a class says otherwise).</summary>
    protected virtual string WorkloadName => EvaluationWorkload.V1;

    private EvaluationWorkload Workload => _workload ?? throw new InvalidOperationException("GlobalSetup has not run.");

    /// <summary>Generates the caseload, builds the evaluators and checks that they agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _workload = EvaluationWorkload.Create(OffenderCount, WorkloadName);
        AgreedCounts = _workload.EnsureAgreement();
    }

    /// <summary>Lets the caseload go before the next benchmark case.</summary>
    [GlobalCleanup]
    public void Cleanup() => _workload = null;

    /// <summary>The oracle: <c>ReferenceEvaluator.Evaluate</c>, single-threaded plain C#.</summary>
    /// <returns>The oracle's report.</returns>
    [Benchmark(Baseline = true)]
    public OracleReport Oracle() => Workload.Oracle();

    /// <summary>The fast floor: the same evaluation hand-written for speed (<see cref="FastFloor"/>).</summary>
    /// <returns>The floor's report.</returns>
    [Benchmark]
    public FloorReport Floor() => Workload.Floor();

    /// <summary>The policy engine: <c>SafeguardingEngine.Evaluate</c> with the snapshot's as-of date.</summary>
    /// <returns>The report.</returns>
    [Benchmark]
    public EvaluationReport Engine() => Workload.Engine();

    /// <summary>Microsoft RulesEngine, per record on one thread (the natural loop).</summary>
    /// <returns>Its findings.</returns>
    [Benchmark]
    public Task<RulesEngineOutcome> RulesEngine() => Workload.RulesEngine();

    /// <summary>Microsoft RulesEngine, offender records spread over every core (as the engine spreads its partitions).</summary>
    /// <returns>Its findings.</returns>
    [Benchmark]
    public Task<RulesEngineOutcome> RulesEngineParallel() => Workload.RulesEngineParallel();
}
