namespace Safeguarding.Rules.Caseload;

/// <summary>
/// Who counts toward a manager's caseload (contract section 2, Caseload), and the caseload thresholds. Every offender
/// evaluated (valid, and registered by the as-of date) who is assigned to the manager and not in custody counts,
/// reactive management included. A team's caseload is the sum of its managers'.
/// </summary>
internal static class CaseloadMembership
{
    /// <summary>Whether an evaluated offender assigned to a manager counts toward the manager's caseload.</summary>
    public static bool Counts(bool inCustody) => !inCustody;

    /// <summary>Critical: the caseload is above the critical level.</summary>
    public static bool IsCritical(int caseload, int critical) => caseload > critical;

    /// <summary>Above target: the caseload is above the target and not critical (a critical manager gets only the critical finding).</summary>
    public static bool IsAboveTarget(int caseload, int target, int critical) => caseload > target && !IsCritical(caseload, critical);

    /// <summary>A unit backlog: the team's overdue visits are more than the percentage of its caseload (<c>overdue * 100 &gt; percent * caseload</c>).</summary>
    public static bool IsUnitBacklog(int overdueVisits, int teamCaseload, decimal unitBacklogPercent) =>
        overdueVisits * 100m > unitBacklogPercent * teamCaseload;
}
