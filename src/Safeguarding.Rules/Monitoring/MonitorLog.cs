using System.Runtime;
using Microsoft.Extensions.Logging;

namespace Safeguarding.Rules.Monitoring;

/// <summary>
/// The monitor's log lines, through the engine's <c>ILogger&lt;SafeguardingEngine&gt;</c>: counts, the date and timings
/// only, never an identifier (as the evaluation's line).
/// </summary>
internal static partial class MonitorLog
{
    /// <summary>
    /// The collector the process runs with: a load keeps nearly everything it allocates, so its time depends on the
    /// collector more than on anything else a host chooses (README, "Keeping findings live").
    /// </summary>
    public static string Collector =>
        (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Batch ? string.Empty : ", background");

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Monitor loaded {OffenderRecords} offender records as of {AsOf} into {SessionCount} sessions in {ElapsedMs:F1} ms (garbage collector: {Collector})")]
    public static partial void Loaded(ILogger logger, int offenderRecords, string asOf, int sessionCount, double elapsedMs, string collector);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Monitor not loaded: {ProblemCount} input problems in {OffenderRecords} offender records")]
    public static partial void Rejected(ILogger logger, int problemCount, int offenderRecords);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Monitor stopped: applying a {ChangeType} failed unexpectedly, and its findings may no longer match its records; it refuses every call until a new monitor is loaded")]
    public static partial void Faulted(ILogger logger, string changeType, Exception exception);
}
