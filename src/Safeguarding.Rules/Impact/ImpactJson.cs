using System.Text.Json;
using Safeguarding.Rules.Findings;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Impact;

/// <summary>Writes an <see cref="ImpactReport"/> as JSON: camelCase, deterministic, the same bytes for the same report.</summary>
/// <remarks>
/// <para>The document, in this order (absent values are omitted, never written as <see langword="null"/>):</para>
/// <code>
/// {
///   "schemaVersion": 1,
///   "asOf": "2018-05-01",
///   "baselinePolicyVersion": "default",
///   "proposedPolicyVersion": "force-2026.1",
///   "hasChanges": true,
///   "totals": { "raised": 12, "cleared": 0, "changed": 3 },
///   "kinds": [ { "kind": "VisitOverdue", "baseline": 85, "proposed": 97, "raised": 12, "cleared": 0, "changed": 3 }, ... ],
///   "teams": [ { "teamId": "T-001", "raised": 4, "cleared": 0, "changed": 1,
///                "kinds": [ { "kind": "VisitOverdue", "baseline": 14, "proposed": 18, "raised": 4, "cleared": 0, "changed": 1 } ] }, ... ],
///   "affected": { "offenders": [ "RSO-000017", ... ], "managers": [ "OM-0001", ... ], "teams": [ "T-001", ... ] },
///   "changes": [
///     { "change": "Changed", "key": "VisitOverdue:RSO-000017", "kind": "VisitOverdue",
///       "offenderId": "RSO-000017", "managerId": "OM-0001", "teamId": "T-001",
///       "fields": [ { "field": "dueOn", "baseline": "2018-04-10", "proposed": "2018-03-10" },
///                   ... ],
///       "baseline": { "rule": "...", "offenderId": "RSO-000017", ..., "riskLevel": "High", "dueOn": "2018-04-10", ..., "reason": "..." },
///       "proposed": { "rule": "...", "offenderId": "RSO-000017", ..., "riskLevel": "High", "dueOn": "2018-03-10", ..., "reason": "..." } }, ...
///   ]
/// }
/// </code>
/// <para>
/// <c>kinds</c> holds every contract kind (then any other kind found) in the contract's order; <c>teams</c> only the
/// teams with a difference, in the order of <c>changes</c> (findings of no team first, without <c>teamId</c>), each with
/// only its kinds that differ. <c>changes</c> is <see cref="ImpactReport.Changes"/> in its order: <c>change</c> is
/// <c>Raised</c>, <c>Cleared</c> or <c>Changed</c>; <c>fields</c> (only for <c>Changed</c>) lists each differing
/// field with its two values, numbers as numbers and dates as <c>yyyy-MM-dd</c>, a value absent on one side omitted;
/// <c>baseline</c> (absent when raised) and <c>proposed</c> (absent when cleared) are the finding on each side:
/// <c>rule</c>, the fields of its kind as the findings document writes them (<see cref="FindingSchema"/>), and
/// <c>reason</c>. <c>key</c> is the finding's id (<see cref="Finding.Id"/>).
/// </para>
/// </remarks>
public static class ImpactJson
{
    private static readonly JsonEncodedText SchemaVersion = JsonEncodedText.Encode("schemaVersion");
    private static readonly JsonEncodedText AsOf = JsonEncodedText.Encode("asOf");
    private static readonly JsonEncodedText BaselinePolicyVersion = JsonEncodedText.Encode("baselinePolicyVersion");
    private static readonly JsonEncodedText ProposedPolicyVersion = JsonEncodedText.Encode("proposedPolicyVersion");
    private static readonly JsonEncodedText HasChanges = JsonEncodedText.Encode("hasChanges");
    private static readonly JsonEncodedText Totals = JsonEncodedText.Encode("totals");
    private static readonly JsonEncodedText Kinds = JsonEncodedText.Encode("kinds");
    private static readonly JsonEncodedText Teams = JsonEncodedText.Encode("teams");
    private static readonly JsonEncodedText Affected = JsonEncodedText.Encode("affected");
    private static readonly JsonEncodedText Offenders = JsonEncodedText.Encode("offenders");
    private static readonly JsonEncodedText Managers = JsonEncodedText.Encode("managers");
    private static readonly JsonEncodedText Changes = JsonEncodedText.Encode("changes");
    private static readonly JsonEncodedText Change = JsonEncodedText.Encode("change");
    private static readonly JsonEncodedText Key = JsonEncodedText.Encode("key");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Baseline = JsonEncodedText.Encode("baseline");
    private static readonly JsonEncodedText Proposed = JsonEncodedText.Encode("proposed");
    private static readonly JsonEncodedText Raised = JsonEncodedText.Encode("raised");
    private static readonly JsonEncodedText Cleared = JsonEncodedText.Encode("cleared");
    private static readonly JsonEncodedText Changed = JsonEncodedText.Encode("changed");
    private static readonly JsonEncodedText Fields = JsonEncodedText.Encode("fields");
    private static readonly JsonEncodedText Field = JsonEncodedText.Encode("field");
    private static readonly JsonEncodedText OffenderId = JsonEncodedText.Encode("offenderId");
    private static readonly JsonEncodedText ManagerId = JsonEncodedText.Encode("managerId");
    private static readonly JsonEncodedText TeamId = JsonEncodedText.Encode("teamId");
    private static readonly JsonEncodedText Rule = JsonEncodedText.Encode("rule");
    private static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");

    /// <summary>Writes the impact document of <paramref name="report"/>.</summary>
    /// <param name="report">An evaluated impact report (<see cref="ImpactReport.IsEvaluated"/>).</param>
    /// <param name="stream">Where to write; flushed, left open.</param>
    /// <param name="indented">Whether to indent (two spaces, line feeds on every platform); default <see langword="true"/>.</param>
    /// <exception cref="InvalidOperationException">The report was not evaluated: its problems are the output then, not an impact document.</exception>
    public static void Write(ImpactReport report, Stream stream, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stream);
        if (!report.IsEvaluated)
        {
            throw new InvalidOperationException("The impact report was not evaluated, so it has no impact document: report its Problems instead.");
        }

        using var writer = JsonOutput.CreateWriter(stream, indented);
        writer.WriteStartObject();
        writer.WriteNumber(SchemaVersion, 1);
        JsonOutput.WriteDate(writer, AsOf, report.AsOf);
        writer.WriteString(BaselinePolicyVersion, report.BaselinePolicyVersion);
        writer.WriteString(ProposedPolicyVersion, report.ProposedPolicyVersion);
        writer.WriteBoolean(HasChanges, report.HasChanges);

        writer.WriteStartObject(Totals);
        Counts(writer, report.Raised, report.Cleared, report.Changed);
        writer.WriteEndObject();

        writer.WriteStartArray(Kinds);
        foreach (var kind in report.Kinds)
        {
            WriteKind(writer, kind);
        }

        writer.WriteEndArray();

        writer.WriteStartArray(Teams);
        foreach (var team in report.Teams)
        {
            writer.WriteStartObject();
            if (team.TeamId is not null)
            {
                writer.WriteString(TeamId, team.TeamId);
            }

            Counts(writer, team.Raised, team.Cleared, team.Changed);
            writer.WriteStartArray(Kinds);
            foreach (var kind in team.Kinds)
            {
                WriteKind(writer, kind);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartObject(Affected);
        Ids(writer, Offenders, report.AffectedOffenders);
        Ids(writer, Managers, report.AffectedManagers);
        Ids(writer, Teams, report.AffectedTeams);
        writer.WriteEndObject();

        writer.WriteStartArray(Changes);
        foreach (var change in report.Changes)
        {
            WriteChange(writer, change);
            JsonOutput.FlushIfFull(writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteKind(Utf8JsonWriter writer, KindImpact kind)
    {
        writer.WriteStartObject();
        writer.WriteString(Kind, kind.Kind);
        writer.WriteNumber(Baseline, kind.Baseline);
        writer.WriteNumber(Proposed, kind.Proposed);
        Counts(writer, kind.Raised, kind.Cleared, kind.Changed);
        writer.WriteEndObject();
    }

    private static void Counts(Utf8JsonWriter writer, int raised, int cleared, int changed)
    {
        writer.WriteNumber(Raised, raised);
        writer.WriteNumber(Cleared, cleared);
        writer.WriteNumber(Changed, changed);
    }

    private static void Ids(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<string> ids)
    {
        writer.WriteStartArray(name);
        foreach (var id in ids)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
    }

    private static void WriteChange(Utf8JsonWriter writer, FindingChange change)
    {
        writer.WriteStartObject();
        writer.WriteString(Change, change.Change switch
        {
            FindingChangeKind.Raised => "Raised",
            FindingChangeKind.Cleared => "Cleared",
            _ => "Changed",
        });
        writer.WriteString(Key, change.Key);
        writer.WriteString(Kind, change.Kind);
        Optional(writer, OffenderId, change.OffenderId);
        Optional(writer, ManagerId, change.ManagerId);
        Optional(writer, TeamId, change.TeamId);
        if (change.Change == FindingChangeKind.Changed && change.Baseline is { } before && change.Proposed is { } after)
        {
            writer.WriteStartArray(Fields);
            foreach (var difference in change.Fields)
            {
                var field = FindingSchema.FieldNamed(difference.Field)!;
                writer.WriteStartObject();
                writer.WriteString(Field, field.Name);
                field.Write(writer, Baseline, before);
                field.Write(writer, Proposed, after);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (change.Baseline is { } baseline)
        {
            WriteFinding(writer, Baseline, baseline);
        }

        if (change.Proposed is { } proposed)
        {
            WriteFinding(writer, Proposed, proposed);
        }

        writer.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter writer, JsonEncodedText name, Finding finding)
    {
        writer.WriteStartObject(name);
        writer.WriteString(Rule, finding.Rule);
        foreach (var field in FindingSchema.Of(finding.Kind).Fields)
        {
            field.Write(writer, finding);
        }

        writer.WriteString(Reason, finding.Reason);
        writer.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
