using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Serialization;

/// <summary>
/// The contract's spelling of each enum value, one place for every writer; <see langword="null"/> for a value the
/// contract does not define (a cast from a bad integer), which each writer reports in its own terms.
/// </summary>
internal static class ContractNames
{
    public static string? Of(RiskLevel risk) => risk switch
    {
        RiskLevel.Low => "Low",
        RiskLevel.Medium => "Medium",
        RiskLevel.High => "High",
        RiskLevel.VeryHigh => "VeryHigh",
        _ => null,
    };

    public static string? Of(EscalationLevel level) => level switch
    {
        EscalationLevel.OffenderManager => "OffenderManager",
        EscalationLevel.Supervisor => "Supervisor",
        EscalationLevel.DetectiveInspector => "DetectiveInspector",
        EscalationLevel.Inspector => "Inspector",
        _ => null,
    };

    public static string? Of(VisitOutcome outcome) => outcome switch
    {
        VisitOutcome.Completed => "Completed",
        VisitOutcome.NoAccess => "NoAccess",
        VisitOutcome.Cancelled => "Cancelled",
        _ => null,
    };
}
