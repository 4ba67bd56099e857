using Safeguarding.Rules.Findings;

namespace Safeguarding.Rules.Cli.Output;

/// <summary>The one number or date of a finding that the table's fixed columns do not show.</summary>
internal static class FindingDetail
{
    public static string Of(Finding finding) => finding.Kind switch
    {
        FindingKinds.VisitDueSoon => "due in " + Days(finding.DaysUntilDue),
        FindingKinds.RepeatedNoAccess => Text.Number(finding.NoAccessVisits) + " no-access visits",
        FindingKinds.CaseloadAboveTarget or FindingKinds.CaseloadCritical => "caseload " + Text.Number(finding.Caseload),
        FindingKinds.UnitBacklog => Text.Number(finding.OverdueVisits) + " overdue, caseload " + Text.Number(finding.Caseload),
        FindingKinds.NeighbourhoodNotBriefed => "neighbourhood " + finding.NeighbourhoodId + " since " + Text.Date(finding.Since),
        FindingKinds.DataQuality => "offenders[" + Text.Number(finding.Index) + "]",
        _ => string.Empty,
    };

    private static string Days(int? days) => days == 1 ? "1 day" : Text.Number(days) + " days";
}
