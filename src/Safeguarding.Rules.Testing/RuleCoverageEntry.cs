using Safeguarding.Rules.Evaluation;

namespace Safeguarding.Rules.Testing;

/// <summary>One rule of the catalogue and the evaluations (scenarios) it fired in.</summary>
/// <param name="Rule">The rule, from the evaluator's catalogue.</param>
/// <param name="FiredIn">The names of the scenarios (or evaluations) in which the rule fired at least once, in run order.</param>
public sealed record RuleCoverageEntry(RuleInfo Rule, IReadOnlyList<string> FiredIn)
{
    /// <summary>Whether the rule fired at least once.</summary>
    public bool Fired => FiredIn.Count > 0;
}
