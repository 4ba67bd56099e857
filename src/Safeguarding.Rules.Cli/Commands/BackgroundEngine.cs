using Microsoft.Extensions.Logging;
using Safeguarding.Rules.Cli.Input;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Cli.Commands;

/// <summary>
/// Builds the engine (rule discovery and NRules compilation) on another thread while the snapshot is read: reading a
/// force's snapshot is single-threaded, so on a machine with two cores or more the compilation costs no wall time (a
/// national one is read in two parts from its visits on, by which time the engine is compiled). With
/// <c>warmUp</c>, that thread then evaluates a small generated force and writes its findings to nowhere, so that the
/// code of checking, the rules and writing is compiled before the real snapshot needs it (measured in
/// benchmarks/RESULTS.md). The engine is handed over as soon as it is compiled, and the warm-up goes on beside the
/// command's own evaluation: once the read was faster, waiting for the warm-up cost more than it saved (session 15).
/// </summary>
internal static class BackgroundEngine
{
    /// <summary>Offenders in the warm-up force: enough for every finding kind and for each hot method to be called often.</summary>
    private const int WarmUpOffenders = 300;

    /// <summary>Starts building the engine; the task's result is the engine to evaluate with, as soon as it is compiled.</summary>
    /// <param name="logger">The engine's logger (the timings), or <see langword="null"/>.</param>
    /// <param name="warmUp">Whether to warm the engine up (only with a second core, where it costs no wall time).</param>
    public static Task<SafeguardingEngine> Start(ILogger<SafeguardingEngine>? logger, bool warmUp = false)
    {
        var compiled = new TaskCompletionSource<SafeguardingEngine>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Run(() =>
        {
            SafeguardingEngine engine;
            try
            {
                engine = logger is null ? new SafeguardingEngine() : new SafeguardingEngine(new SafeguardingRulesOptions(), logger: logger);
            }
            catch (Exception exception)
            {
                compiled.SetException(exception);
                return;
            }

            compiled.SetResult(engine);

            // Nothing waits for the warm-up: should it fail, the command's own evaluation (same engine, same code) reports
            // the failure, and the process does not wait for it to end.
            if (warmUp && Environment.ProcessorCount > 1)
            {
                var snapshot = BuiltInSample.Create(WarmUpOffenders);
                var report = engine.Evaluate(snapshot, new EvaluationOptions { AsOf = snapshot.AsOf });
                FindingsJson.Write(report, Stream.Null, indented: false);
            }
        });
        return compiled.Task;
    }
}
