using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Monitoring;

/// <summary>Loads live monitors with the host's engine (registered by <c>AddSafeguardingRules</c>). Implementations are thread-safe.</summary>
public interface ISafeguardingMonitorFactory
{
    /// <summary>
    /// Loads a snapshot into a new <see cref="SafeguardingMonitor"/> that evaluates with the registered engine's rules and
    /// the policy, as-of date and partial-results setting of <paramref name="options"/> (each, when not given, the engine's,
    /// as for an evaluation), as <see cref="SafeguardingMonitor.Load(SafeguardingEngine, CaseloadSnapshot, EvaluationOptions, CancellationToken)"/> does.
    /// The policy is the monitor's for good: it checks the snapshot and every change.
    /// </summary>
    /// <param name="snapshot">The caseload; it is read once, and later changes to it are not seen.</param>
    /// <param name="options">
    /// The as-of date, policy and partial-results setting for this monitor; <see langword="null"/> for the defaults: the
    /// engine's policy and setting, and as of the snapshot's <c>asOf</c>, else the UK date of its <c>extractedAt</c>, else
    /// today in the United Kingdom by the engine's clock.
    /// </param>
    /// <param name="cancellationToken">
    /// Stops the load: checked before it starts, after the snapshot is validated, once the offender entries are made, and
    /// between the sessions as they are filled. Nothing partial is returned.
    /// </param>
    /// <returns>The monitor, or every problem of the snapshot (contract section 3) when it has any.</returns>
    /// <exception cref="NotSupportedException">The registered engine has host rules loaded (see <see cref="SafeguardingMonitor"/>).</exception>
    /// <exception cref="Policies.PolicyValidationException">The policy of <paramref name="options"/> is invalid; every problem is listed, naming the policy property.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; no monitor was made.</exception>
    MonitorLoadResult Load(CaseloadSnapshot snapshot, EvaluationOptions? options = null, CancellationToken cancellationToken = default);
}
