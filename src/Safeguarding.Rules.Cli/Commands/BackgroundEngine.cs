using Microsoft.Extensions.Logging;
using Safeguarding.Rules.Evaluation;

namespace Safeguarding.Rules.Cli.Commands;

/// <summary>
/// Builds the engine (rule discovery and NRules compilation) on another thread while the snapshot is read: reading is
/// single-threaded, so on a machine with two cores or more the compilation costs no wall time. Measured in
/// benchmarks/RESULTS.md (branch <c>cold</c>), where a warm-up evaluation on that thread is also measured and was not
/// kept: it cost more processor time than it saved.
/// </summary>
internal static class BackgroundEngine
{
    /// <summary>Starts building the engine; the task's result is the engine to evaluate with.</summary>
    /// <param name="logger">The engine's logger (the timings), or <see langword="null"/>.</param>
    public static Task<SafeguardingEngine> Start(ILogger<SafeguardingEngine>? logger) =>
        Task.Run(() => logger is null ? new SafeguardingEngine() : new SafeguardingEngine(new SafeguardingRulesOptions(), logger: logger));
}
