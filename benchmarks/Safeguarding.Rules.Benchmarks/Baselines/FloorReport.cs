namespace Safeguarding.Rules.Benchmarks.Baselines;

/// <summary>What the fast floor concludes: the engine's report types, so that the two can be compared field by field.</summary>
public sealed class FloorReport
{
    /// <summary>Whether the input was valid, so that it was evaluated (the floor has no partial-results mode).</summary>
    public required bool IsEvaluated { get; init; }

    /// <summary>The number of input problems found (sections 3, 6 and 8); zero when evaluated.</summary>
    public required int ProblemCount { get; init; }

    /// <summary>The reported findings in contract order.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>The findings suppressed by an active override, in contract order.</summary>
    public required IReadOnlyList<SuppressedFinding> Suppressed { get; init; }

    /// <summary>The summary, as the engine gives it.</summary>
    public required EvaluationSummary Summary { get; init; }
}
