using BenchmarkDotNet.Attributes;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Monitoring;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Benchmarks;

/// <summary>
/// The live monitor under BenchmarkDotNet (medians of iterations; <c>--monitor</c> gives the per-operation distribution):
/// loading a caseload (beside a full evaluation of it, the baseline), recording a visit, reassigning an offender. The smoke run calls each once, so CI exercises the monitor.
/// </summary>
[BenchmarkCategory("Monitor")]
[MemoryDiagnoser]
public class MonitorBenchmarks
{
    private SafeguardingEngine _engine = null!;
    private CaseloadSnapshot _snapshot = null!;
    private SafeguardingMonitor _monitor = null!;
    private string[] _offenders = [];
    private string[] _managers = [];
    private DateOnly _asOf;
    private int _next;

    /// <summary>The number of offender records.</summary>
    [Params(2_500, 100_000)]
    public int Offenders { get; set; } = 2_500;

    /// <summary>Compiles the engine, generates the caseload and loads a monitor.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _engine = new SafeguardingEngine();
        _snapshot = SyntheticCaseload.Generate(Offenders);
        _asOf = _snapshot.AsOf!.Value;
        _monitor = SafeguardingMonitor.Load(_engine, _snapshot).Monitor!;
        _offenders = _snapshot.Offenders.Where(o => o.RegisteredOn <= _asOf).Select(static o => o.Id).ToArray();
        _managers = _snapshot.Managers.Select(static m => m.Id).ToArray();
    }

    /// <summary>
    /// A full evaluation of the same caseload, the baseline of <see cref="Load"/> (issue 11: a load within twice an
    /// evaluation), so BenchmarkDotNet gives the ratio of the two on one snapshot.
    /// </summary>
    /// <returns>The report.</returns>
    [Benchmark(Baseline = true)]
    public EvaluationReport FullEvaluation() => _engine.Evaluate(_snapshot, new EvaluationOptions { AsOf = _asOf });

    /// <summary>Loads the whole caseload into a new monitor.</summary>
    /// <returns>The load result.</returns>
    [Benchmark]
    public MonitorLoadResult Load() => SafeguardingMonitor.Load(_engine, _snapshot);

    /// <summary>Records a completed visit for the next offender, with its changes.</summary>
    /// <returns>The changes.</returns>
    [Benchmark]
    public MonitorResult RecordVisit()
    {
        var i = _next++;
        return _monitor.Apply(new VisitRecorded(new Visit { OffenderId = _offenders[(int)((uint)i % (uint)_offenders.Length)], Date = _asOf.AddDays(-(int)((uint)i % 60u)), Outcome = VisitOutcome.Completed }));
    }

    /// <summary>Reassigns the next offender to the next manager, with its changes.</summary>
    /// <returns>The changes.</returns>
    [Benchmark]
    public MonitorResult Reassign()
    {
        var i = _next++;
        return _monitor.Apply(new OffenderReassigned(_offenders[(int)(unchecked((uint)i * 7919u) % (uint)_offenders.Length)], _managers[(int)((uint)i % (uint)_managers.Length)]));
    }
}
