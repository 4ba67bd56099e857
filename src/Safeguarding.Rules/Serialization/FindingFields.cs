
namespace Safeguarding.Rules.Serialization;

/// <summary>The fields a finding of each kind carries in the findings document (contract section 5, the table).</summary>
[Flags]
internal enum FindingFields
{
    None = 0,
    OffenderId = 1 << 0,
    ManagerId = 1 << 1,
    TeamId = 1 << 2,
    RiskLevel = 1 << 3,
    NeighbourhoodId = 1 << 4,
    Since = 1 << 5,
    DueOn = 1 << 6,
    DaysOverdue = 1 << 7,
    DaysUntilDue = 1 << 8,
    EscalateTo = 1 << 9,
    NoAccessVisits = 1 << 10,
    OverdueVisits = 1 << 11,
    Caseload = 1 << 12,
    Index = 1 << 13,
    All = (1 << 14) - 1,
}
