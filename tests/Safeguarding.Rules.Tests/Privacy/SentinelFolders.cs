using System.Text;
using static Safeguarding.Rules.Tests.Privacy.PersonalData;

namespace Safeguarding.Rules.Tests.Privacy;

/// <summary>
/// CSV folders (contract section 9) with the sentinels where a real extract puts personal data: an extra column in every
/// file, and (in the invalid folder) as the values of fields that are not identifiers, in a cell with a stray quote, a
/// quote that is never closed, and a row with more cells than its header. No identifier holds a sentinel. Shared by the
/// CSV package's and the CLI's tests.
/// </summary>
internal static class SentinelFolders
{
    private static readonly string P = Quoted(Person);

    private static readonly string O = Offence;

    /// <summary>
    /// Writes a valid folder, the CSV form of <see cref="SentinelDocuments.ValidWithExtras"/>, with an extra column of
    /// sentinels in every file.
    /// </summary>
    public static void WriteValid(string folder)
    {
        Directory.CreateDirectory(folder);
        Write(folder, "snapshot.csv", "schemaVersion,asOf,extractedAt,notes", $"1,2018-05-01,2018-05-01T18:30:00+01:00,{P}");
        Write(folder, "teams.csv", "id,leader", $"T-SOUTH,{P}");
        Write(folder, "managers.csv", "id,teamId,home", $"OM-4,T-SOUTH,{P}", $"OM-5,T-SOUTH,{O}");
        Write(
            folder,
            "offenders.csv",
            "id,managerId,neighbourhoodId,riskLevel,riskAssessedOn,registeredOn,releasedOn,inCustody,reactiveManagement,visitIntervalDays,mappaLevel,movedIntoNeighbourhoodOn,name,offence",
            $"RSO-1001,OM-4,NPT-22,VeryHigh,2018-03-01,2016-09-12,,false,false,,2,2018-04-02,{P},{O}",
            $"RSO-1002,OM-5,,Low,,2012-01-30,,,true,,,,{P},{O}",
            $"RSO-1003,OM-5,,Medium,,2017-06-19,2018-02-14,,,60,,,{P},{O}");
        Write(folder, "visits.csv", "offenderId,date,outcome,announced,notes", $"RSO-1001,2018-01-03,Completed,false,{P}", $"RSO-1003,2018-03-20,NoAccess,,{O}", "RSO-1003,2018-03-27,NoAccess,,");
        Write(folder, "briefings.csv", "offenderId,neighbourhoodId,date,attendee", $"RSO-1001,NPT-22,2018-04-04,{P}");
        Write(folder, "strategy-discussions.csv", "id,teamId,heldOn,outcomeRecordedOn,child", $"SD-0412,T-SOUTH,2018-04-20,,{P}");
        Write(folder, "strategy-actions.csv", "discussionId,id,owner,dueOn,completedOn,note", $"SD-0412,1,Police,2018-04-27,,{O}", $"SD-0412,2,SocialCare,2018-04-25,2018-04-24,{P}");
        Write(folder, "detentions.csv", "id,custodySuiteId,juvenile,authorisedAt,appropriateAdultArrivedAt,releasedAt,name", $"CUS-00931,CS-1,true,2018-04-30T21:15:00+01:00,2018-05-01T09:40:00+01:00,,{P}");
        Write(folder, "interviews.csv", "detentionId,startedAt,appropriateAdultPresent,urgentInterviewAuthorised,notes", $"CUS-00931,2018-05-01T09:00:00+01:00,false,,{O}");
        Write(folder, "police-protections.csv", "id,teamId,startedAt,localAuthorityInformedAt,child", $"PP-0077,T-SOUTH,2018-04-29T10:00:00+01:00,,{P}");
        Write(folder, "overrides.csv", "id,findingId,reasonCode,authorisedBy,from,until,note", $"OV-7,VisitOverdue:RSO-1003,IN_HOSPITAL,DS-4411,2018-04-20,2018-05-15,{P}");
    }

    /// <summary>
    /// Writes a folder whose files hold the sentinels as invalid values of every kind of field that is not an identifier,
    /// next to valid records (RSO-1004) and extra columns.
    /// </summary>
    public static void WriteInvalid(string folder)
    {
        Directory.CreateDirectory(folder);
        Write(folder, "snapshot.csv", "schemaVersion,asOf,extractedAt,notes", $"1,2018-05-01,2018-05-01T18:30:00+01:00,{P}");
        Write(folder, "teams.csv", "id,leader", $"T-SOUTH,{P}");
        Write(folder, "managers.csv", "id,teamId,home", $"OM-4,T-SOUTH,{P}", $"OM-5,T-SOUTH,{O},{P}");
        Write(
            folder,
            "offenders.csv",
            "id,managerId,neighbourhoodId,riskLevel,riskAssessedOn,registeredOn,releasedOn,inCustody,reactiveManagement,visitIntervalDays,mappaLevel,movedIntoNeighbourhoodOn,name",
            $"RSO-1001,OM-4,NPT-22,{P},{O},2016-09-12,,false,false,,{O},{P},{P}",
            $"RSO-1002,OM-5,,Low,,2012-01-30,{O},{P},{O},{P},,,{P}",
            $"RSO-1003,OM-5,,Jane \"Sentinel-Doe\" 12 Acacia,,{O},,,,,,,x",
            "RSO-1004,OM-5,,High,,2017-06-19,,,,,,,x",
            $"RSO-1005,OM-5,,High,,2017-06-19,,,,,,,\"{O}",
            "RSO-1006,OM-5,,High,,2017-06-19,,,,,,,x");
        Write(folder, "visits.csv", "offenderId,date,outcome,announced,notes", $"RSO-1004,2018-01-03,{O},{P},{P}", $"RSO-1004,{P},NoAccess,,", "RSO-1004,2017-12-01,Completed,,");
        Write(folder, "briefings.csv", "offenderId,neighbourhoodId,date,attendee", $"RSO-1004,NPT-22,{O},{P}");
        Write(folder, "strategy-discussions.csv", "id,teamId,heldOn,outcomeRecordedOn,child", $"SD-0412,T-SOUTH,{O},{P},{P}", "SD-0413,T-SOUTH,2018-04-20,,");
        Write(folder, "strategy-actions.csv", "discussionId,id,owner,dueOn,completedOn,note", $"SD-0412,1,{P},{O},,{O}", $"SD-0412,2,SocialCare,2018-04-25,{O},{P}");
        Write(folder, "detentions.csv", "id,custodySuiteId,juvenile,authorisedAt,appropriateAdultArrivedAt,releasedAt,name", $"CUS-00931,CS-1,{P},{O},{P},{O},{P}");
        Write(folder, "interviews.csv", "detentionId,startedAt,appropriateAdultPresent,urgentInterviewAuthorised,notes", $"CUS-00931,{P},{O},{P},{O}");
        Write(folder, "police-protections.csv", "id,teamId,startedAt,localAuthorityInformedAt,child", $"PP-0077,T-SOUTH,{P},{O},{P}");
        Write(
            folder,
            "overrides.csv",
            "id,findingId,reasonCode,authorisedBy,from,until,note",
            $"OV-7,VisitOverdue:RSO-1004,{Quoted(Person + " in hospital after " + Offence)},DS-4411,{P},{O},{P}",
            $"OV-8,VisitOverdue:RSO-1004,IN_HOSPITAL,DS-4411,2018-04-20,2018-05-15,{O}");
    }

    /// <summary>Writes a folder whose <c>snapshot.csv</c> holds the sentinels as its own values, in two rows.</summary>
    public static void WriteInvalidDocument(string folder)
    {
        Directory.CreateDirectory(folder);
        Write(folder, "snapshot.csv", "schemaVersion,asOf,extractedAt", $"{P},{O},{P}", $"1,{O},");
        Write(folder, "offenders.csv", "id,riskLevel,registeredOn", "RSO-1,High,2015-01-01");
    }

    private static string Quoted(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Write(string folder, string file, params string[] lines) =>
        File.WriteAllText(Path.Combine(folder, file), string.Join("\r\n", lines) + "\r\n", new UTF8Encoding(false));
}
