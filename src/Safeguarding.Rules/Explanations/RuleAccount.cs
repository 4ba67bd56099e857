namespace Safeguarding.Rules.Explanations;

/// <summary>What a built-in rule's policy concludes for a subject, worked out with the policy's own functions beside the rule.</summary>
/// <param name="Holds">Whether the policy says the rule's finding holds (a test checks it against the evaluation).</param>
/// <param name="Because">The values compared and the policy thresholds, ending with a full stop (ids, dates, numbers and policy names only).</param>
internal readonly record struct RuleAccount(bool Holds, string Because);
