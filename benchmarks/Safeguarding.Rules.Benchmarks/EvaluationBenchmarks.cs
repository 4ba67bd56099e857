using BenchmarkDotNet.Attributes;

namespace Safeguarding.Rules.Benchmarks;

/// <summary>Full evaluation at 2,500, 70,000 and 100,000 offenders (about 4 visits each, 1 manager per 50-60 offenders).</summary>
[BenchmarkCategory("Evaluation")]
public class EvaluationBenchmarks : EvaluationBenchmarksBase
{
    /// <summary>The number of offender records.</summary>
    [Params(2_500, 70_000, 100_000)]
    public int Offenders { get; set; } = 2_500;

    /// <inheritdoc />
    protected override int OffenderCount => Offenders;
}
