using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules;

/// <summary>Evaluates a caseload snapshot against a policy. Implementations are thread-safe.</summary>
public interface ISafeguardingEvaluator
{
    /// <summary>The rules this evaluator runs.</summary>
    IReadOnlyList<RuleInfo> Rules { get; }

    /// <summary>
    /// Evaluates <paramref name="snapshot"/>: every finding the policy implies, the summary, and every problem with the input.
    /// Bad input is part of the report, never an exception; an invalid policy given for the call is an exception.
    /// </summary>
    /// <param name="snapshot">The caseload.</param>
    /// <param name="options">The as-of date, policy and partial-results switch for this call; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">
    /// Stops the evaluation: checked before it starts and between partitions (sessions of whole teams), so a
    /// cancelled evaluation ends after the partitions already running; nothing partial is returned.
    /// </param>
    /// <returns>The report.</returns>
    /// <exception cref="Policies.PolicyValidationException">The policy of <paramref name="options"/> is invalid; every problem is listed, naming the policy property.</exception>
    /// <exception cref="InvalidOperationException">
    /// A host rule gave a finding the id of another finding (ids are unique within a report, contract section 7); the
    /// message names the rules.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their first parameter's type, so no call is ambiguous.")]
    EvaluationReport Evaluate(CaseloadSnapshot snapshot, EvaluationOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Evaluates a snapshot as read from a document: the problems the reading found are reported with the checks
    /// across records, as contract section 3 asks, and records the reader could not type still count (for duplicate
    /// ids and references, and in <see cref="EvaluationSummary.Offenders"/>).
    /// </summary>
    /// <param name="input">What <c>SnapshotJson.Read</c> (or another reader) returned.</param>
    /// <param name="options">The as-of date, policy and partial-results switch for this call; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the evaluation, as for <see cref="Evaluate(CaseloadSnapshot, EvaluationOptions?, CancellationToken)"/>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="Policies.PolicyValidationException">The policy of <paramref name="options"/> is invalid; every problem is listed, naming the policy property.</exception>
    /// <exception cref="InvalidOperationException">
    /// A host rule gave a finding the id of another finding (ids are unique within a report, contract section 7); the
    /// message names the rules.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their first parameter's type, so no call is ambiguous.")]
    EvaluationReport Evaluate(SnapshotReadResult input, EvaluationOptions? options = null, CancellationToken cancellationToken = default);
}
