using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules;

/// <summary>
/// The result of an evaluation: the findings in the contract's order, the summary, and every problem with the input.
/// Bad input is part of the result: when it stopped the evaluation, <see cref="IsEvaluated"/> is <see langword="false"/>
/// and <see cref="Problems"/> says why.
/// </summary>
public sealed class EvaluationReport
{
    /// <summary>Whether the rules ran. <see langword="false"/> when the input had problems and partial results were not allowed, or the document itself was unusable.</summary>
    public required bool IsEvaluated { get; init; }

    /// <summary>Whether partial results were allowed (the findings document then holds a <c>rejected</c> array).</summary>
    public required bool PartialResultsAllowed { get; init; }

    /// <summary>The as-of date the evaluation used.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The version label of the policy applied.</summary>
    public required string PolicyVersion { get; init; }

    /// <summary>The counts and outcome measures; all zero when not evaluated.</summary>
    public required EvaluationSummary Summary { get; init; }

    /// <summary>The findings, in the contract's deterministic order; empty when not evaluated.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>
    /// The findings an active override defers (contract section 8), in the contract's order, each with the override that
    /// defers it; empty when not evaluated or when no override is active. They are not in <see cref="Findings"/>.
    /// </summary>
    public IReadOnlyList<SuppressedFinding> Suppressed { get; init => field = value ?? []; } = [];

    /// <summary>Every problem with the input, each naming the record and field; empty for clean input.</summary>
    public required IReadOnlyList<InputProblem> Problems { get; init; }

    /// <summary>The names of the rules that fired at least once.</summary>
    public required IReadOnlySet<string> FiredRules { get; init; }
}
