using static Safeguarding.Rules.Tests.Privacy.PersonalData;

namespace Safeguarding.Rules.Tests.Privacy;

/// <summary>
/// Snapshots, policies and findings documents with the sentinels where a real extract puts personal data: in members the
/// contract does not define (at every level), and as invalid values of fields that are not identifiers. No identifier
/// holds a sentinel.
/// </summary>
internal static class SentinelDocuments
{
    /// <summary>An unknown member holding the sentinels as a string, a nested object and an array.</summary>
    private const string Extra = $$"""
        "notes": "{{Person}}; {{Offence}}", "victim": { "name": "{{Person}}", "offence": ["{{Offence}}", { "{{Offence}}": "{{Person}}" }] }
        """;

    /// <summary>
    /// A valid snapshot (contract sections 1, 6 and 8) with the sentinels in unknown members of the root and of every
    /// record, nested records included. Its findings: RSO-1003 is overdue (never visited since release), CUS-1's
    /// appropriate adult was late, and so on; the sentinels are in none of them.
    /// </summary>
    public static readonly string ValidWithExtras = $$"""
        {
          "schemaVersion": 1, "asOf": "2018-05-01", "extractedAt": "2018-05-01T18:30:00+01:00", {{Extra}},
          "teams": [ { "id": "T-SOUTH", {{Extra}} } ],
          "managers": [ { "id": "OM-4", "teamId": "T-SOUTH", {{Extra}} }, { "id": "OM-5", "teamId": "T-SOUTH" } ],
          "offenders": [
            { "id": "RSO-1001", "managerId": "OM-4", "riskLevel": "VeryHigh", "registeredOn": "2016-09-12", "riskAssessedOn": "2018-03-01",
              "neighbourhoodId": "NPT-22", "movedIntoNeighbourhoodOn": "2018-04-02", "mappaLevel": 2, {{Extra}} },
            { "id": "RSO-1002", "managerId": "OM-5", "riskLevel": "Low", "registeredOn": "2012-01-30", "reactiveManagement": true, {{Extra}} },
            { "id": "RSO-1003", "managerId": "OM-5", "riskLevel": "Medium", "registeredOn": "2017-06-19", "releasedOn": "2018-02-14", "visitIntervalDays": 60 }
          ],
          "visits": [
            { "offenderId": "RSO-1001", "date": "2018-01-03", "outcome": "Completed", "announced": false, {{Extra}} },
            { "offenderId": "RSO-1003", "date": "2018-03-20", "outcome": "NoAccess", {{Extra}} },
            { "offenderId": "RSO-1003", "date": "2018-03-27", "outcome": "NoAccess" }
          ],
          "briefings": [ { "offenderId": "RSO-1001", "neighbourhoodId": "NPT-22", "date": "2018-04-04", {{Extra}} } ],
          "strategyDiscussions": [
            { "id": "SD-0412", "teamId": "T-SOUTH", "heldOn": "2018-04-20", {{Extra}},
              "actions": [ { "id": "1", "owner": "Police", "dueOn": "2018-04-27", {{Extra}} },
                           { "id": "2", "owner": "SocialCare", "dueOn": "2018-04-25", "completedOn": "2018-04-24" } ] }
          ],
          "detentions": [
            { "id": "CUS-00931", "custodySuiteId": "CS-1", "juvenile": true, "authorisedAt": "2018-04-30T21:15:00+01:00",
              "appropriateAdultArrivedAt": "2018-05-01T09:40:00+01:00", {{Extra}},
              "interviews": [ { "startedAt": "2018-05-01T09:00:00+01:00", "appropriateAdultPresent": false, {{Extra}} } ] }
          ],
          "policeProtections": [
            { "id": "PP-0077", "teamId": "T-SOUTH", "startedAt": "2018-04-29T10:00:00+01:00", {{Extra}} }
          ],
          "overrides": [
            { "id": "OV-7", "findingId": "VisitOverdue:RSO-1003", "reasonCode": "IN_HOSPITAL", "authorisedBy": "DS-4411",
              "from": "2018-04-20", "until": "2018-05-15", {{Extra}} }
          ]
        }
        """;

    /// <summary>
    /// The sentinels as the values of fields that are not identifiers, in every record type (enums, dates, instants,
    /// numbers, booleans, a reason code), next to valid records (RSO-1004 and its visit) and unknown members.
    /// </summary>
    public static readonly string InvalidValues = $$"""
        {
          "schemaVersion": 1, "asOf": "2018-05-01", "extractedAt": "2018-05-01T18:30:00+01:00", {{Extra}},
          "teams": [ { "id": "T-SOUTH", {{Extra}} } ],
          "managers": [ { "id": "OM-4", "teamId": "T-SOUTH", {{Extra}} }, { "id": "OM-5", "teamId": "T-SOUTH" } ],
          "offenders": [
            { "id": "RSO-1001", "managerId": "OM-4", "riskLevel": "{{Person}}", "registeredOn": "2016-09-12", "riskAssessedOn": "{{Offence}}",
              "neighbourhoodId": "NPT-22", "movedIntoNeighbourhoodOn": "{{Person}}", "mappaLevel": "{{Offence}}", {{Extra}} },
            { "id": "RSO-1002", "managerId": "OM-5", "riskLevel": "Low", "registeredOn": "2012-01-30", "reactiveManagement": "{{Offence}}",
              "inCustody": "{{Person}}", "visitIntervalDays": "{{Person}}" },
            { "id": "RSO-1003", "riskLevel": "Medium", "registeredOn": "{{Person}}", "releasedOn": "{{Offence}}", "visitIntervalDays": 60 },
            { "id": "RSO-1004", "managerId": "OM-5", "riskLevel": "High", "registeredOn": "2017-06-19", {{Extra}} }
          ],
          "visits": [
            { "offenderId": "RSO-1004", "date": "2018-01-03", "outcome": "{{Offence}}", "announced": "{{Person}}", {{Extra}} },
            { "offenderId": "RSO-1004", "date": "{{Person}}", "outcome": "NoAccess" },
            { "offenderId": "RSO-1004", "date": "2017-12-01", "outcome": "Completed" }
          ],
          "briefings": [ { "offenderId": "RSO-1004", "neighbourhoodId": "NPT-22", "date": "{{Offence}}", {{Extra}} } ],
          "strategyDiscussions": [
            { "id": "SD-0412", "teamId": "T-SOUTH", "heldOn": "{{Offence}}", "outcomeRecordedOn": "{{Person}}", {{Extra}},
              "actions": [ { "id": "1", "owner": "{{Person}}", "dueOn": "{{Offence}}", {{Extra}} },
                           { "id": "2", "owner": "SocialCare", "dueOn": "2018-04-25", "completedOn": "{{Offence}}" } ] },
            { "id": "SD-0413", "teamId": "T-SOUTH", "heldOn": "2018-04-20" }
          ],
          "detentions": [
            { "id": "CUS-00931", "custodySuiteId": "CS-1", "juvenile": "{{Person}}", "authorisedAt": "{{Offence}}",
              "appropriateAdultArrivedAt": "{{Person}}", "releasedAt": "{{Offence}}", {{Extra}},
              "interviews": [ { "startedAt": "{{Person}}", "appropriateAdultPresent": "{{Offence}}", "urgentInterviewAuthorised": "{{Person}}", {{Extra}} } ] }
          ],
          "policeProtections": [
            { "id": "PP-0077", "teamId": "T-SOUTH", "startedAt": "{{Person}}", "localAuthorityInformedAt": "{{Offence}}", {{Extra}} }
          ],
          "overrides": [
            { "id": "OV-7", "findingId": "VisitOverdue:RSO-1004", "reasonCode": "{{Person}} in hospital after {{Offence}}", "authorisedBy": "DS-4411",
              "from": "{{Person}}", "until": "{{Offence}}", {{Extra}} },
            { "id": "OV-8", "findingId": "VisitOverdue:RSO-1004", "reasonCode": "IN_HOSPITAL", "authorisedBy": "DS-4411",
              "from": "2018-04-20", "until": "2018-05-15", "note": "{{Offence}}" }
          ]
        }
        """;

    /// <summary>The sentinels as the document's own values: <c>schemaVersion</c>, <c>asOf</c> and <c>extractedAt</c>, and arrays of the wrong type.</summary>
    public static readonly string InvalidDocumentValues = $$"""
        { "schemaVersion": "{{Person}}", "asOf": "{{Offence}}", "extractedAt": "{{Person}}", {{Extra}},
          "offenders": [ { "id": "RSO-1", "riskLevel": "High", "registeredOn": "2015-01-01" } ],
          "teams": "{{Offence}}", "visits": [ "{{Person}}" ], "briefings": { "{{Person}}": "{{Offence}}" } }
        """;

    /// <summary>Documents that are not JSON, each with a sentinel as the token at fault (or right next to it).</summary>
    public static readonly IReadOnlyList<string> Malformed =
    [
        // A bare word where a value belongs.
        $$"""{ "asOf": "2018-05-01", "offenders": [ { "id": "R1", "riskLevel": {{Person}}, "registeredOn": "2015-01-01" } ] }""",
        // An unknown member's value that is not JSON.
        $$"""{ "asOf": "2018-05-01", "offenders": [ { "id": "R1", "riskLevel": "High", "registeredOn": "2015-01-01", "notes": {{Offence}} } ] }""",
        // An invalid escape inside a string.
        $$"""{ "asOf": "2018-05-01", "offenders": [ { "id": "R1", "riskLevel": "High", "registeredOn": "2015-01-01", "notes": "{{Person}}\q" } ] }""",
        // A string that never ends.
        $$"""{ "asOf": "2018-05-01", "offenders": [ { "id": "R1", "riskLevel": "High", "registeredOn": "2015-01-01", "notes": "{{Person}}""",
        // A member name without a value.
        $$"""{ "asOf": "2018-05-01", "offenders": [ { "id": "R1", "riskLevel": "High", "registeredOn": "2015-01-01", "{{Offence}}" } ] }""",
        // Text after the document.
        $$"""{ "asOf": "2018-05-01", "offenders": [] } {{Person}}""",
        // A control character inside the sentinel.
        "{ \"asOf\": \"2018-05-01\", \"offenders\": [ { \"id\": \"R1\", \"riskLevel\": \"Jane Sentinel\u0001-Doe\", \"registeredOn\": \"2015-01-01\" } ] }",
        // A number that is not one.
        $$"""{ "asOf": "2018-05-01", "offenders": [ { "id": "R1", "riskLevel": "High", "registeredOn": "2015-01-01", "mappaLevel": 1{{Offence}} } ] }""",
    ];

    /// <summary>A policy file with the sentinels as its values (contract section 4), in every block.</summary>
    public static readonly string InvalidPolicy = $$"""
        {
          "version": { "name": "{{Person}}" },
          "visitIntervalDays": { "veryHigh": "{{Person}}", "high": "{{Offence}}", "medium": [ "{{Person}}" ], "low": { "x": "{{Offence}}" } },
          "firstVisitDays": "{{Person}}", "dueSoonDays": "{{Offence}}",
          "caseload": { "target": "{{Person}}", "critical": "{{Offence}}" },
          "escalation": { "supervisorAfterDays": "{{Person}}", "inspectorAfterDays": "{{Offence}}", "highRiskInspectorAfterDays": true, "unitBacklogPercent": "{{Person}}" },
          "repeatedNoAccessVisits": "{{Offence}}", "riskReviewDays": "{{Person}}", "initialAssessmentDays": "{{Offence}}", "neighbourhoodBriefingDays": "{{Person}}",
          "childProtection": { "nonWorkingDays": [ "{{Person}}", "{{Offence}}" ] },
          "overrides": { "maxDays": "{{Person}}", "kinds": [ "{{Person}}", "{{Offence}}" ] }
        }
        """;

    /// <summary>Policy files that are not JSON, with a sentinel as the token at fault.</summary>
    public static readonly IReadOnlyList<string> MalformedPolicies =
    [
        $$"""{ "version": "force-1", "firstVisitDays": {{Person}} }""",
        $$"""{ "version": "{{Offence}}\q" }""",
        $$"""{ "version": "force-1" } {{Offence}}""",
    ];

    /// <summary>
    /// An earlier run's findings document (contract section 7) with the sentinels in unknown members at every level and
    /// as invalid values of its findings' fields (none of them an identity field, <c>rule</c>, <c>reason</c> or
    /// <c>policyVersion</c>, which section 7 carries over as the earlier document gives them).
    /// </summary>
    public static string EarlierFindings(string document)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(document)!.AsObject();
        root["notes"] = Person;
        root["summary"]!["victim"] = Offence;
        root["record"]!["victim"] = Person;
        root["suppressed"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["kind"] = "VisitOverdue", ["offenderId"] = "RSO-9", ["until"] = Person, ["notes"] = Offence });
        var findings = root["findings"]!.AsArray();
        foreach (var finding in findings.Select(static f => f!.AsObject()))
        {
            finding["notes"] = Person;
            finding["victim"] = new System.Text.Json.Nodes.JsonObject { ["offence"] = Offence };
        }

        // Cleared findings (not in the current run) whose other fields hold the sentinels.
        findings.Add(new System.Text.Json.Nodes.JsonObject
        {
            ["kind"] = "VisitOverdue", ["offenderId"] = "RSO-9", ["managerId"] = "OM-9", ["teamId"] = "T-9",
            ["riskLevel"] = Person, ["dueOn"] = Offence, ["daysOverdue"] = Person, ["escalateTo"] = Offence,
            ["overrideExpiredOn"] = Person, ["change"] = Offence, ["notes"] = Person,
        });
        findings.Add(new System.Text.Json.Nodes.JsonObject { ["kind"] = "NeighbourhoodNotBriefed", ["offenderId"] = "RSO-8", ["neighbourhoodId"] = "NPT-8", ["since"] = Person });
        findings.Add(new System.Text.Json.Nodes.JsonObject { ["kind"] = "AppropriateAdultDelayed", ["detentionId"] = "CUS-8", ["minutesWaited"] = Offence, ["authorisedAt"] = Person });
        return root.ToJsonString();
    }
}
