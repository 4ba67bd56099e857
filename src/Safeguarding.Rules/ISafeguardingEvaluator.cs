using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;

namespace Safeguarding.Rules;

/// <summary>Evaluates a caseload snapshot against a policy. Implementations are thread-safe.</summary>
public interface ISafeguardingEvaluator
{
    /// <summary>The rules this evaluator runs.</summary>
    IReadOnlyList<RuleInfo> Rules { get; }

    /// <summary>
    /// Evaluates <paramref name="snapshot"/>: every finding the policy implies, the summary, and every problem with the input.
    /// Bad input is part of the report, never an exception.
    /// </summary>
    /// <param name="snapshot">The caseload.</param>
    /// <param name="options">The as-of date, policy and partial-results switch for this call; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">
    /// Stops the evaluation: checked before it starts and between partitions (sessions of whole teams), so a
    /// cancelled evaluation ends after the partitions already running; nothing partial is returned.
    /// </param>
    /// <returns>The report.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    EvaluationReport Evaluate(CaseloadSnapshot snapshot, EvaluationOptions? options = null, CancellationToken cancellationToken = default);
}
