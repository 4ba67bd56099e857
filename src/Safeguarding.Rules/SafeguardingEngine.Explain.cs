using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Explanations;
using Safeguarding.Rules.Policies;

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
    /// <param name="subject">The offender, manager or team to explain.</param>
    /// <param name="options">The as-of date, policy and partial-results setting, as for <see cref="Evaluate"/>.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>
    /// The explanation. Whether a rule fired comes from the evaluation's findings; the explanation's values come from the
    /// same facts and policy functions the rules use. Input problems that stop the evaluation, and a subject the
    /// snapshot does not hold, are reported in the result (<see cref="SubjectExplanation.IsExplained"/>).
    /// </returns>
    /// <exception cref="PolicyValidationException">The call's policy is invalid.</exception>
    public SubjectExplanation Explain(CaseloadSnapshot snapshot, ExplainSubject subject, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(subject);
        return Explanations(snapshot, options, cancellationToken).Explain(subject);
    }

    /// <summary>One evaluation of <paramref name="snapshot"/>, ready to explain any number of its subjects.</summary>
    internal ExplanationContext Explanations(CaseloadSnapshot snapshot, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var report = Evaluate(snapshot, options, cancellationToken);
        var policy = options?.Policy is { } own ? new PolicyView(own) : _policy;
        return ExplanationContext.Create(snapshot, report, policy, _rules.Catalogue);
    }
}
