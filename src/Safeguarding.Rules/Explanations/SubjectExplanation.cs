namespace Safeguarding.Rules.Explanations;

/// <summary>
/// Why each rule did or did not fire for one offender, manager, team, strategy discussion, detention or police protection (<see cref="SafeguardingEngine.Explain(Domain.CaseloadSnapshot, ExplainSubject, EvaluationOptions?, CancellationToken)"/>).
/// Bad input and an unknown subject are part of the result, not exceptions: check <see cref="IsExplained"/>.
/// </summary>
public sealed class SubjectExplanation
{
    /// <summary>The subject explained.</summary>
    public required ExplainSubject Subject { get; init; }

    /// <summary>The as-of date of the evaluation.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The version label of the policy applied.</summary>
    public required string PolicyVersion { get; init; }

    /// <summary>Whether the rules ran over the snapshot: <see langword="false"/> when its problems stopped the evaluation (see <see cref="Problems"/>).</summary>
    public required bool IsEvaluated { get; init; }

    /// <summary>Every problem with the input, as the evaluation reports them; empty for clean input.</summary>
    public required IReadOnlyList<InputProblem> Problems { get; init; }

    /// <summary>
    /// Why the subject cannot be explained when the snapshot has no such subject, naming its kind and id (for example
    /// "The snapshot has no offender with id RSO-9."); <see langword="null"/> when it has.
    /// </summary>
    public string? SubjectProblem { get; init; }

    /// <summary>Whether <see cref="Rules"/> explains the subject: the snapshot was evaluated and holds the subject.</summary>
    public bool IsExplained => IsEvaluated && SubjectProblem is null;

    /// <summary>
    /// Every built-in rule that applies to this kind of subject, switched off or not, then every host rule, in the
    /// order of the rule catalogue (<see cref="SafeguardingEngine.Rules"/>); empty unless <see cref="IsExplained"/>.
    /// </summary>
    public required IReadOnlyList<RuleExplanation> Rules { get; init; }
}
