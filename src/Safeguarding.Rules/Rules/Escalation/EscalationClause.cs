namespace Safeguarding.Rules.Escalation;

/// <summary>One condition of an escalation level: when it holds, how a finding's reason words it, and how an explanation words the comparison.</summary>
/// <param name="Holds">Whether the condition holds for an overdue visit.</param>
/// <param name="Wording">The condition in a finding's reason (ids, dates and numbers only).</param>
/// <param name="Comparison">
/// The values the condition compares and the policy thresholds, whether or not it holds, for an explanation
/// (ids, dates, numbers and policy names only), e.g. "12 days overdue, not more than 14 (escalation.supervisorAfterDays)".
/// </param>
internal sealed record EscalationClause(Func<EscalationInputs, bool> Holds, Func<EscalationInputs, string> Wording, Func<EscalationInputs, string> Comparison);
