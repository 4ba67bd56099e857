using BenchmarkDotNet.Attributes;

namespace Safeguarding.Rules.Benchmarks;

/// <summary>
/// Rule-set compile time: a new <see cref="SafeguardingEngine"/> (options validation, rule discovery, NRules compilation)
/// on every invocation. JIT-warm after the first; the truly cold first construction is printed by <c>--peak</c>.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Compile")]
public class CompileBenchmarks
{
    /// <summary>Builds the engine with the built-in rules and the default policy.</summary>
    /// <returns>The engine.</returns>
    [Benchmark]
    public SafeguardingEngine Compile() => new();
}
