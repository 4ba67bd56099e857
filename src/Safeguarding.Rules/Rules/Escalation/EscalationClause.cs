using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Escalation;

/// <summary>One condition of an escalation level: when it holds, and how a finding's reason words it.</summary>
/// <param name="Holds">Whether the condition holds for an overdue visit.</param>
/// <param name="Wording">The condition in a finding's reason (ids, dates and numbers only).</param>
internal sealed record EscalationClause(Func<OverdueVisit, bool> Holds, Func<OverdueVisit, string> Wording);
