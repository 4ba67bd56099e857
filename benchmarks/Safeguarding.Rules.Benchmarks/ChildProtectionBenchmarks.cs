using BenchmarkDotNet.Attributes;
using Safeguarding.Rules.Benchmarks.Support;

namespace Safeguarding.Rules.Benchmarks;

/// <summary>
/// The cost of child protection (contract section 6, issue 10): 100,000 offenders without child-protection records (the
/// v1 input the existing targets are judged on) and with them at the generator's default rates (10,000 strategy
/// discussions, 20,000 detentions, 1,000 police protections), side by side, for the engine, the fast floor, the oracle and
/// RulesEngine. Set-up checks agreement as <see cref="EvaluationBenchmarksBase"/> does, on each input.
/// </summary>
[BenchmarkCategory("ChildProtection")]
public class ChildProtectionBenchmarks : EvaluationBenchmarksBase
{
    /// <summary>The number of offender records.</summary>
    public int Offenders { get; set; } = 100_000;

    /// <summary>The input: <see cref="EvaluationWorkload.V1"/> or <see cref="EvaluationWorkload.ChildProtection"/>.</summary>
    [Params(EvaluationWorkload.V1, EvaluationWorkload.ChildProtection)]
    public string Workload { get; set; } = EvaluationWorkload.ChildProtection;

    /// <inheritdoc />
    protected override int OffenderCount => Offenders;

    /// <inheritdoc />
    protected override string WorkloadName => Workload;
}
