using System.Runtime;

namespace Safeguarding.Rules.Benchmarks.Support;

/// <summary>
/// The garbage collector this process runs with, for the figures' first line: the monitor's load and a full evaluation
/// depend on it more than on most code changes (benchmarks/RESULTS.md, session 10).
/// </summary>
internal static class Collector
{
    /// <summary>
    /// <c>workstation, background</c> (this project's setting, a console app's default), <c>workstation</c> (without
    /// background collections), <c>server, background</c> (ASP.NET Core's default) or <c>server</c>.
    /// </summary>
    public static string Name =>
        (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Batch ? string.Empty : ", background");
}
