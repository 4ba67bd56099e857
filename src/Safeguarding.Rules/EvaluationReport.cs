using Safeguarding.Rules.Records;
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

    /// <summary>
    /// The as-of instant T the evaluation used (contract section 6), with a zero offset: the snapshot's <c>extractedAt</c>
    /// when the caller gave no as-of date, else the end of <see cref="AsOf"/> in UK local time. Instants after it are
    /// treated as absent. Default: the end of <see cref="AsOf"/>.
    /// </summary>
    public DateTimeOffset AsOfInstant { get => field == default ? ChildProtection.AsOfInstant.EndOf(AsOf) : field; init; }

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

    /// <summary>
    /// The decision record (contract section 8): the as-of instant and the SHA-256 hashes of the snapshot, the effective
    /// policy, the rule catalogue and the findings, as the findings document's <c>record</c> gives them. Computed when
    /// first asked for (or when the document is written), never during the evaluation, then kept.
    /// <see langword="null"/> for a report that was not evaluated, or that was not made by an evaluation (built by hand).
    /// </summary>
    /// <remarks>
    /// For a snapshot built in code (no <c>SnapshotReadResult.SourceSha256</c>), the report keeps the snapshot until the
    /// record is computed, and hashes its JSON as the library writes it then.
    /// </remarks>
    public DecisionRecord? Record
    {
        get
        {
            // Read with acquire semantics, as the computing thread writes with release semantics: it publishes the record
            // before it releases the source, so a reader that finds the source gone finds the record (a live monitor's
            // Current is one report read by many threads).
            var record = Volatile.Read(ref _record);
            if (record is not null || !IsEvaluated)
            {
                return record;
            }

            if (Volatile.Read(ref _recordSource) is { } source)
            {
                Interlocked.CompareExchange(ref _record, DecisionRecords.Compute(this, source), null);
                Volatile.Write(ref _recordSource, null);
            }

            return Volatile.Read(ref _record);
        }
    }

    /// <summary>What <see cref="Record"/> is computed from; set by the engine, released once the record is computed.</summary>
    internal RecordSource? RecordSource => Volatile.Read(ref _recordSource);

    /// <summary>Sets <see cref="RecordSource"/> (the engine's, for a report it made).</summary>
    internal EvaluationReport WithRecordSource(RecordSource source)
    {
        _recordSource = source;
        return this;
    }

    private DecisionRecord? _record;

    private RecordSource? _recordSource;
}
