namespace Safeguarding.Rules;

/// <summary>
/// A finding that holds but is deferred by an active override (contract section 8, an item of <c>suppressed</c>): the
/// finding as it would have been reported, and the override that defers it.
/// </summary>
/// <param name="Finding">The finding, exactly as it would have been in <see cref="EvaluationReport.Findings"/>.</param>
/// <param name="OverrideId">The id of the active override with the latest <c>until</c> naming it (the first in snapshot order among equals).</param>
/// <param name="Until">That override's last day.</param>
public sealed record SuppressedFinding(Finding Finding, string OverrideId, DateOnly Until);
