using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules;

/// <summary>Per-call settings of an evaluation. Anything left <see langword="null"/> takes the engine's default.</summary>
public sealed class EvaluationOptions
{
    /// <summary>The as-of date. Default: the snapshot's <c>asOf</c>, else the UK date of its <c>extractedAt</c>, else today's date in the United Kingdom.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The policy to apply. Default: the engine's policy (the default policy unless configured).</summary>
    public SafeguardingPolicy? Policy { get; init; }

    /// <summary>
    /// Whether to evaluate the valid records when some are invalid (contract section 3). Default: the engine's setting,
    /// which is <see langword="false"/>: any problem stops the evaluation and the report lists every problem.
    /// </summary>
    public bool? AllowPartialResults { get; init; }
}
