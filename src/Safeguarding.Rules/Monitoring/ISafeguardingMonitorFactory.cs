using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Monitoring;

/// <summary>Loads live monitors with the host's engine (registered by <c>AddSafeguardingRules</c>).</summary>
public interface ISafeguardingMonitorFactory
{
    /// <summary>Loads a snapshot into a new <see cref="SafeguardingMonitor"/>.</summary>
    /// <param name="snapshot">The caseload.</param>
    /// <param name="asOf">The as-of date; default the snapshot's <c>asOf</c>, else the UK date of its <c>extractedAt</c>, else today in the United Kingdom by the engine's clock.</param>
    /// <returns>The monitor, or every problem of the snapshot.</returns>
    /// <exception cref="NotSupportedException">The registered engine has host rules loaded (see <see cref="SafeguardingMonitor"/>).</exception>
    MonitorLoadResult Load(CaseloadSnapshot snapshot, DateOnly? asOf = null);
}
