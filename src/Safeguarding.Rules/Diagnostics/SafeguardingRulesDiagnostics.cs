namespace Safeguarding.Rules.Diagnostics;

/// <summary>
/// The names under which the engine publishes its metrics and traces, for hosts to subscribe with OpenTelemetry
/// (<c>AddMeter(SafeguardingRulesDiagnostics.MeterName)</c>, <c>AddSource(SafeguardingRulesDiagnostics.ActivitySourceName)</c>)
/// or with a <see cref="System.Diagnostics.Metrics.MeterListener"/> or <see cref="System.Diagnostics.ActivityListener"/>.
/// </summary>
/// <remarks>
/// <para>
/// Instruments of the meter, recorded once per call to <see cref="SafeguardingEngine.Evaluate(Domain.CaseloadSnapshot, EvaluationOptions?, CancellationToken)"/> (either overload):
/// <c>safeguarding.rules.evaluation.duration</c> (histogram, seconds, tagged <c>outcome</c>);
/// <c>safeguarding.rules.offenders.evaluated</c> (counter, offenders evaluated);
/// <c>safeguarding.rules.findings</c> (counter, findings, tagged <c>kind</c>);
/// <c>safeguarding.rules.input.problems</c> (counter, input problems, tagged <c>outcome</c>).
/// <c>outcome</c> is <c>evaluated</c> when the caseload was evaluated (partial results included) and <c>rejected</c>
/// when input problems stopped the run.
/// </para>
/// <para>
/// The activity source starts one activity per evaluation, <c>safeguarding.rules.evaluate</c>, with the phases the
/// engine's log line times as its children: <c>safeguarding.rules.prepare</c> (checking and aggregating the records),
/// <c>safeguarding.rules.run_rules</c> (the rules' sessions) and <c>safeguarding.rules.report</c> (joining their
/// results). A run stopped by input problems has no phases. The evaluation's tags are its outcome and counts only.
/// </para>
/// <para>
/// Tags never carry an identifier, a date or any value from the input: only finding kind names, the outcome and counts.
/// </para>
/// </remarks>
public static class SafeguardingRulesDiagnostics
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> the engine records its metrics on: <c>Safeguarding.Rules</c>.</summary>
    public const string MeterName = "Safeguarding.Rules";

    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> the engine traces evaluations on: <c>Safeguarding.Rules</c>.</summary>
    public const string ActivitySourceName = "Safeguarding.Rules";
}
