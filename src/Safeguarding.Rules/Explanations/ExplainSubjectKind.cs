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

    /// <summary>A strategy discussion (contract section 6): the outcome and police action rules, and data quality.</summary>
    Discussion,

    /// <summary>A detention (contract section 6): the appropriate adult and interview rules, and data quality.</summary>
    Detention,

    /// <summary>A police protection (contract section 6): the 72-hour and local authority rules, and data quality.</summary>
    Protection,
}
