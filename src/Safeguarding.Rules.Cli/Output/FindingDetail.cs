
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
        FindingKinds.DataQuality => "offenders[" + Text.OptionalNumber(finding.Index) + "]",
        _ => string.Empty,
    };

    private static string Days(int? days) => days == 1 ? "1 day" : Text.OptionalNumber(days) + " days";
}
