using BenchmarkDotNet.Attributes;

namespace Safeguarding.Rules.Benchmarks;

/// <summary>Full evaluation at 1,000,000 offenders, with a short job (1 launch, 1 warm-up, 3 iterations) to keep a suite run within an hour.</summary>
[BenchmarkCategory("Evaluation1M")]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class MillionOffendersBenchmarks : EvaluationBenchmarksBase
{
    /// <summary>The number of offender records: 1,000,000 (the smoke run sets it lower).</summary>
    public int Offenders { get; set; } = 1_000_000;

    /// <inheritdoc />
    protected override int OffenderCount => Offenders;
}
