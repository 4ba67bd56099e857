
namespace Safeguarding.Rules.Benchmarks.Baselines;

/// <summary>One successful RulesEngine rule that is a finding: its kind, the record's id and, for VisitOverdue, the escalation.</summary>
/// <param name="Kind">The finding kind (the rule's name).</param>
/// <param name="Id">The offender's, manager's or team's id.</param>
/// <param name="TeamId">The team of the offender, manager or team, when any.</param>
/// <param name="EscalateTo">The escalation level of a VisitOverdue finding.</param>
public readonly record struct RulesEngineFinding(string Kind, string Id, string? TeamId, EscalationLevel? EscalateTo);
