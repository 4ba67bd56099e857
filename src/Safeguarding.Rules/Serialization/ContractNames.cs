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

    public static string? Of(ActionOwner owner) => owner switch
    {
        ActionOwner.Police => "Police",
        ActionOwner.SocialCare => "SocialCare",
        ActionOwner.Health => "Health",
        ActionOwner.Education => "Education",
        ActionOwner.Other => "Other",
        _ => null,
    };

    /// <summary>Each action owner with its contract name in UTF-8, for the reader.</summary>
    public static (ActionOwner Value, byte[] Utf8)[] ActionOwners { get; } =
        Enum.GetValues<ActionOwner>().Select(static o => (o, System.Text.Encoding.UTF8.GetBytes(Of(o)!))).ToArray();

    /// <summary>The action owners as a problem lists them.</summary>
    public const string ActionOwnerList = "Police, SocialCare, Health, Education or Other";
}
