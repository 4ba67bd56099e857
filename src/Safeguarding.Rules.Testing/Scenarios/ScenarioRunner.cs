using System.Text.Json;
using System.Text.Json.Nodes;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Testing.Scenarios;

/// <summary>
/// Runs scenario files: evaluates each scenario's facts as of its date under its policy and compares the findings with
/// its expectations. Thread-safe; create one and share it.
/// </summary>
public sealed class ScenarioRunner
{
    private readonly SafeguardingPolicy? _basePolicy;

    /// <summary>Creates a runner over a shared engine running the built-in rules; scenarios' policy changes apply over the defaults.</summary>
    public ScenarioRunner()
        : this(SharedEngine.Instance)
    {
    }

    /// <summary>Creates a runner over <paramref name="evaluator"/> (for example an engine with host rules or rules switched off).</summary>
    /// <param name="evaluator">The evaluator; its rule catalogue is what coverage reports on.</param>
    /// <param name="basePolicy">
    /// The policy each scenario's <c>policy</c> changes apply over, to see which scenarios a proposed policy breaks;
    /// <see langword="null"/> for the contract's defaults.
    /// </param>
    /// <exception cref="PolicyValidationException"><paramref name="basePolicy"/> is invalid.</exception>
    public ScenarioRunner(ISafeguardingEvaluator evaluator, SafeguardingPolicy? basePolicy = null)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        basePolicy?.EnsureValid();
        Evaluator = evaluator;
        _basePolicy = basePolicy?.Clone();
    }

    /// <summary>The evaluator the scenarios run on.</summary>
    public ISafeguardingEvaluator Evaluator { get; }

    /// <summary>
    /// The scenario files in <paramref name="folder"/> and its subfolders (<c>*.yaml</c>, <c>*.yml</c>), relative to it with
    /// <c>/</c>, in ordinal order. Symbolic links to folders below <paramref name="folder"/> are not followed (a link can
    /// lead back to an ancestor), and a file reached by two names is listed once, by its own name when the folder holds it.
    /// </summary>
    /// <param name="folder">The folder.</param>
    /// <returns>The relative file names.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IReadOnlyList<string> FindScenarioFiles(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The scenario folder {folder} does not exist.");
        }

        return ScenarioFileSearch.Find(folder);
    }

    /// <summary>Runs <paramref name="scenario"/>.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="cancellationToken">Stops the run: checked before the evaluation and by it between its partitions.</param>
    /// <returns>Passed, or failed with the differences.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ScenarioResult Run(Scenario scenario, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        cancellationToken.ThrowIfCancellationRequested();
        var policy = scenario.Policy;
        if (_basePolicy is not null)
        {
            var merged = Merge(_basePolicy, scenario.PolicyChanges);
            if (!merged.IsValid)
            {
                var errors = merged.Problems.Select(p => $"policy.{p.Property}: {p.Problem} (the scenario's changes over the base policy)").ToList();
                return new ScenarioResult(scenario.Name, scenario.Path, ScenarioOutcome.Failed, scenario, [], null, [], errors);
            }

            policy = merged.Policy;
        }

        var report = Evaluator.Evaluate(scenario.Snapshot, new EvaluationOptions
        {
            AsOf = scenario.AsOf,
            Policy = policy,
            AllowPartialResults = scenario.AllowPartialResults,
        }, cancellationToken);
        if (!report.IsEvaluated)
        {
            var errors = new List<string> { "The given facts are not valid input, so nothing was evaluated (allowPartialResults: true evaluates around them):" };
            errors.AddRange(report.Problems.Select(p => "  " + p));
            return new ScenarioResult(scenario.Name, scenario.Path, ScenarioOutcome.Failed, scenario, [], report, [], errors);
        }

        var differences = ExpectationMatcher.Compare(scenario.Expectations, report.Findings, scenario.Exhaustive);
        var outcome = differences.Count == 0 ? ScenarioOutcome.Passed : ScenarioOutcome.Failed;
        return new ScenarioResult(scenario.Name, scenario.Path, outcome, scenario, [], report, differences, []);
    }

    /// <summary>Reads and runs the scenario file at <paramref name="path"/>, named by its file name.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Stops the run: checked before the file is read and by the evaluation between its partitions.</param>
    /// <returns>Passed, failed, or unreadable with every problem.</returns>
    /// <exception cref="IOException">The file could not be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ScenarioResult RunFile(string path, CancellationToken cancellationToken = default) => RunFile(path, System.IO.Path.GetFileName(path), cancellationToken);

    /// <summary>Reads and runs every scenario file in <paramref name="folder"/> and its subfolders (see <see cref="FindScenarioFiles"/>).</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="cancellationToken">Stops the run: checked before each file and by each evaluation between its partitions.</param>
    /// <returns>One result per file, and the rule coverage over the readable ones.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="IOException">A file could not be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ScenarioSuiteResult RunFolder(string folder, CancellationToken cancellationToken = default)
    {
        var results = FindScenarioFiles(folder)
            .Select(name => RunFile(System.IO.Path.Combine(folder, name), name, cancellationToken))
            .ToList();
        var coverage = RuleCoverage.Of(Evaluator.Rules, results.Where(r => r.Report is not null).Select(r => (r.Name, r.FiredRules)));
        return new ScenarioSuiteResult(folder, results, coverage);
    }

    internal ScenarioResult RunFile(string path, string name, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var loaded = ScenarioFile.Load(path, name);
        return loaded.IsValid
            ? Run(loaded.Scenario, cancellationToken)
            : new ScenarioResult(name, path, ScenarioOutcome.Unreadable, null, loaded.Problems, null, [], []);
    }

    private static PolicyReadResult Merge(SafeguardingPolicy basePolicy, byte[]? changes)
    {
        using var written = new MemoryStream();
        PolicyJson.Write(basePolicy, written);
        var merged = JsonNode.Parse(written.ToArray())!.AsObject();
        if (changes is not null)
        {
            MergeInto(merged, JsonNode.Parse(changes)!.AsObject());
        }

        return PolicyJson.Read(JsonSerializer.SerializeToUtf8Bytes(merged));
    }

    private static void MergeInto(JsonObject target, JsonObject changes)
    {
        foreach (var (name, value) in changes.ToList())
        {
            if (value is JsonObject inner && target[name] is JsonObject existing)
            {
                MergeInto(existing, inner);
            }
            else
            {
                target[name] = value?.DeepClone();
            }
        }
    }
}
