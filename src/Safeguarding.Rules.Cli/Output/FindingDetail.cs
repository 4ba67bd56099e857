
namespace Safeguarding.Rules.Cli.Output;

/// <summary>The one number or date of a finding that the table's fixed columns do not show.</summary>
internal static class FindingDetail
{
    public static string Of(Finding finding) => finding.Kind switch
    {
        FindingKinds.VisitDueSoon => "due in " + Days(finding.DaysUntilDue),
        FindingKinds.RepeatedNoAccess => Text.OptionalNumber(finding.NoAccessVisits) + " no-access visits",
        FindingKinds.CaseloadAboveTarget or FindingKinds.CaseloadCritical => "caseload " + Text.OptionalNumber(finding.Caseload),
        FindingKinds.UnitBacklog => Text.OptionalNumber(finding.OverdueVisits) + " overdue, caseload " + Text.OptionalNumber(finding.Caseload),
        FindingKinds.NeighbourhoodNotBriefed => "neighbourhood " + finding.NeighbourhoodId + " since " + Text.Date(finding.Since),
        FindingKinds.StrategyOutcomeNotRecorded => "discussion " + finding.DiscussionId + " held " + Text.Date(finding.HeldOn),
        FindingKinds.StrategyActionOverdue => "discussion " + finding.DiscussionId + ", action " + finding.ActionId,
        FindingKinds.AppropriateAdultDelayed => "detention " + finding.DetentionId + ", waited " + Minutes(finding.MinutesWaited) + (finding.Awaiting == true ? ", still waiting" : string.Empty),
        FindingKinds.InterviewWithoutAppropriateAdult => "detention " + finding.DetentionId + ", interview " + Instant(finding.InterviewStartedAt) + " UTC",
        FindingKinds.PoliceProtectionExceeded => "protection " + finding.ProtectionId + ", " + Text.OptionalNumber(finding.HoursInProtection) + " h",
        FindingKinds.LocalAuthorityNotInformed => "protection " + finding.ProtectionId + ", " + Minutes(finding.MinutesToInform) + (finding.Awaiting == true ? ", not yet informed" : " to inform"),
        FindingKinds.DataQuality => (finding.Array ?? "offenders") + "[" + Text.OptionalNumber(finding.Index) + "]",
        _ => string.Empty,
    };

    private static string Minutes(int? minutes) =>
        minutes is { } m ? Text.Number(m / 60) + " h " + (m % 60).ToString("00", System.Globalization.CultureInfo.InvariantCulture) + " min" : string.Empty;

    private static string Instant(DateTimeOffset? instant) =>
        instant is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : string.Empty;

    private static string Days(int? days) => days == 1 ? "1 day" : Text.OptionalNumber(days) + " days";
}
