using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Monitoring;

/// <summary>The registered <see cref="ISafeguardingMonitorFactory"/>: monitors with the host's <see cref="SafeguardingEngine"/>.</summary>
internal sealed class SafeguardingMonitorFactory(SafeguardingEngine engine) : ISafeguardingMonitorFactory
{
    public MonitorLoadResult Load(CaseloadSnapshot snapshot, EvaluationOptions? options = null, CancellationToken cancellationToken = default) =>
        SafeguardingMonitor.Load(engine, snapshot, options ?? new EvaluationOptions(), cancellationToken);
}
