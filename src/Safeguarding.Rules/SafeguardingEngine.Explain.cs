using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Explanations;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules;

/// <content>Explanations (contract v1.1, issue #12): why each rule did or did not fire for one subject.</content>
public sealed partial class SafeguardingEngine
{
    /// <summary>
    /// Evaluates <paramref name="snapshot"/> and explains, for <paramref name="subject"/>, every built-in rule that applies
    /// to that kind of subject (switched off or not) and every host rule, in catalogue order: whether it fired, which
    /// override suppressed its finding, and in plain English the values it compared and the policy thresholds.
    /// </summary>
    /// <param name="snapshot">The caseload.</param>
    /// <param name="subject">The offender, manager, team, strategy discussion, detention or police protection to explain.</param>
    /// <param name="options">The as-of date, policy and partial-results setting, as for <see cref="Evaluate(CaseloadSnapshot, EvaluationOptions?, CancellationToken)"/>.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>
    /// The explanation. Whether a rule fired comes from the evaluation's findings; the explanation's values come from the
    /// same facts and policy functions the rules use. Input problems that stop the evaluation, and a subject the
    /// snapshot does not hold, are reported in the result (<see cref="SubjectExplanation.IsExplained"/>).
    /// </returns>
    /// <exception cref="PolicyValidationException">The call's policy is invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their first parameter's type, so no call is ambiguous.")]
    public SubjectExplanation Explain(CaseloadSnapshot snapshot, ExplainSubject subject, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Explain(SnapshotReadResult.FromCode(snapshot), subject, options, cancellationToken);
    }

    /// <summary>
    /// Evaluates a snapshot as read (its reading's problems included, as <see cref="Evaluate(SnapshotReadResult, EvaluationOptions?, CancellationToken)"/>
    /// takes them) and explains <paramref name="subject"/>, as <see cref="Explain(CaseloadSnapshot, ExplainSubject, EvaluationOptions?, CancellationToken)"/> does.
    /// </summary>
    /// <param name="input">The snapshot as read.</param>
    /// <param name="subject">The offender, manager, team, strategy discussion, detention or police protection to explain.</param>
    /// <param name="options">The as-of date, policy and partial-results setting.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="PolicyValidationException">The call's policy is invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their first parameter's type, so no call is ambiguous.")]
    public SubjectExplanation Explain(SnapshotReadResult input, ExplainSubject subject, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(subject);
        return Explanations(input, options, cancellationToken).Explain(subject);
    }

    /// <summary>One evaluation of <paramref name="snapshot"/>, ready to explain any number of its subjects.</summary>
    internal ExplanationContext Explanations(CaseloadSnapshot snapshot, EvaluationOptions? options = null, CancellationToken cancellationToken = default) =>
        Explanations(SnapshotReadResult.FromCode(snapshot), options, cancellationToken);

    /// <summary>One evaluation of <paramref name="input"/>, ready to explain any number of its subjects.</summary>
    internal ExplanationContext Explanations(SnapshotReadResult input, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var report = Evaluate(input, options, cancellationToken);
        var policy = options?.Policy is { } own ? new PolicyView(own) : _policy;
        return ExplanationContext.Create(input, report, policy, _rules.Catalogue);
    }
}
