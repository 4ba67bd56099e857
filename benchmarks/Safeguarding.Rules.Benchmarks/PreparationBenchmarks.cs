using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;

namespace Safeguarding.Rules.Benchmarks;

/// <summary>
/// Snapshot-to-facts preparation. The fact builder is not public, so this measures a proxy through the public API:
/// <c>Evaluate</c> with every rule switched off (every tag in <see cref="RuleTags"/> disabled) - validation, fact
/// building, partitioning, inserting the facts into sessions that have no rules, and the (empty) summary - next to
/// the same evaluation with every rule on (<c>Baseline</c>), so the ratio is the share of a full evaluation spent
/// outside the rules.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Preparation")]
public class PreparationBenchmarks
{
    private CaseloadSnapshot? _snapshot;
    private EvaluationOptions? _options;
    private SafeguardingEngine? _allRules;
    private SafeguardingEngine? _noRules;

    /// <summary>The number of offender records.</summary>
    [Params(100_000)]
    public int Offenders { get; set; } = 100_000;

    /// <summary>Every tag in <see cref="RuleTags"/>.</summary>
    public static IReadOnlyList<string> AllTags { get; } = typeof(RuleTags)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(static f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(static f => (string)f.GetRawConstantValue()!)
        .ToArray();

    /// <summary>Generates the caseload and builds both engines.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _snapshot = Support.EvaluationWorkload.Generate(Offenders, Support.EvaluationWorkload.V1);
        _options = new EvaluationOptions { AsOf = _snapshot.AsOf };
        _allRules = new SafeguardingEngine();
        var options = new SafeguardingRulesOptions();
        foreach (var tag in AllTags)
        {
            options.DisableTag(tag);
        }

        _noRules = new SafeguardingEngine(options);
        if (_noRules.Rules.Count != 0)
        {
            throw new InvalidOperationException("Disabling every tag in RuleTags left rules running: " + string.Join(", ", _noRules.Rules.Select(static r => r.Name)));
        }

        var report = _noRules.Evaluate(_snapshot, _options);
        if (!report.IsEvaluated || report.Findings.Count != 0)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The rule-less engine should evaluate and find nothing; evaluated: {report.IsEvaluated}, findings: {report.Findings.Count}."));
        }
    }

    /// <summary>Lets the caseload go before the next benchmark case.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _snapshot = null;
        _allRules = null;
        _noRules = null;
    }

    /// <summary>A full evaluation, every rule on.</summary>
    /// <returns>The report.</returns>
    [Benchmark(Baseline = true)]
    public EvaluationReport AllRules() => _allRules!.Evaluate(_snapshot!, _options);

    /// <summary>The preparation proxy: the same evaluation with every rule switched off.</summary>
    /// <returns>The (empty) report.</returns>
    [Benchmark]
    public EvaluationReport NoRulesProxy() => _noRules!.Evaluate(_snapshot!, _options);
}
