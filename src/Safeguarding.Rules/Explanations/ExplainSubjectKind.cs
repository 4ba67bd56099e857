namespace Safeguarding.Rules.Explanations;

/// <summary>What kind of thing an explanation is about; each kind has the built-in rules that apply to it.</summary>
public enum ExplainSubjectKind
{
    /// <summary>An offender: the visit, escalation, allocation, community and data-quality rules.</summary>
    Offender,

    /// <summary>An offender manager: the caseload rules.</summary>
    Manager,

    /// <summary>A team: the unit backlog rule.</summary>
    Team,
}
