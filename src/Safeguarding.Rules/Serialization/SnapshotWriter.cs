using System.Globalization;
using System.Text.Json;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Serialization;

/// <summary>Writes a <see cref="CaseloadSnapshot"/> in the contract's section 1 format, streaming record by record.</summary>
internal static partial class SnapshotWriter
{
    private static readonly JsonEncodedText SchemaVersion = JsonEncodedText.Encode("schemaVersion");
    private static readonly JsonEncodedText AsOf = JsonEncodedText.Encode("asOf");
    private static readonly JsonEncodedText Teams = JsonEncodedText.Encode(SnapshotArrays.Teams);
    private static readonly JsonEncodedText Managers = JsonEncodedText.Encode(SnapshotArrays.Managers);
    private static readonly JsonEncodedText Offenders = JsonEncodedText.Encode(SnapshotArrays.Offenders);
    private static readonly JsonEncodedText Visits = JsonEncodedText.Encode(SnapshotArrays.Visits);
    private static readonly JsonEncodedText Briefings = JsonEncodedText.Encode(SnapshotArrays.Briefings);
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText TeamId = JsonEncodedText.Encode("teamId");
    private static readonly JsonEncodedText ManagerId = JsonEncodedText.Encode("managerId");
    private static readonly JsonEncodedText NeighbourhoodId = JsonEncodedText.Encode("neighbourhoodId");
    private static readonly JsonEncodedText RiskLevel = JsonEncodedText.Encode("riskLevel");
    private static readonly JsonEncodedText RiskAssessedOn = JsonEncodedText.Encode("riskAssessedOn");
    private static readonly JsonEncodedText RegisteredOn = JsonEncodedText.Encode("registeredOn");
    private static readonly JsonEncodedText ReleasedOn = JsonEncodedText.Encode("releasedOn");
    private static readonly JsonEncodedText InCustody = JsonEncodedText.Encode("inCustody");
    private static readonly JsonEncodedText ReactiveManagement = JsonEncodedText.Encode("reactiveManagement");
    private static readonly JsonEncodedText VisitIntervalDays = JsonEncodedText.Encode("visitIntervalDays");
    private static readonly JsonEncodedText MappaLevel = JsonEncodedText.Encode("mappaLevel");
    private static readonly JsonEncodedText MovedIntoNeighbourhoodOn = JsonEncodedText.Encode("movedIntoNeighbourhoodOn");
    private static readonly JsonEncodedText OffenderId = JsonEncodedText.Encode("offenderId");
    private static readonly JsonEncodedText Date = JsonEncodedText.Encode("date");
    private static readonly JsonEncodedText Outcome = JsonEncodedText.Encode("outcome");
    private static readonly JsonEncodedText Announced = JsonEncodedText.Encode("announced");

    public static void Write(CaseloadSnapshot snapshot, Stream stream, bool indented)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = JsonOutput.CreateWriter(stream, indented);
        writer.WriteStartObject();
        if (snapshot.SchemaVersion is { } version)
        {
            writer.WriteNumber(SchemaVersion, version);
        }

        if (snapshot.AsOf is { } asOf)
        {
            JsonOutput.WriteDate(writer, AsOf, asOf);
        }

        if (snapshot.Teams is { } teams)
        {
            writer.WriteStartArray(Teams);
            for (var i = 0; i < teams.Count; i++)
            {
                var team = Record(teams[i], SnapshotArrays.Teams, i);
                writer.WriteStartObject();
                writer.WriteString(Id, Required(team.Id, SnapshotArrays.Teams, i, "id"));
                writer.WriteEndObject();
                JsonOutput.FlushIfFull(writer);
            }

            writer.WriteEndArray();
        }

        writer.WriteStartArray(Managers);
        for (var i = 0; i < snapshot.Managers.Count; i++)
        {
            var manager = Record(snapshot.Managers[i], SnapshotArrays.Managers, i);
            writer.WriteStartObject();
            writer.WriteString(Id, Required(manager.Id, SnapshotArrays.Managers, i, "id"));
            Optional(writer, TeamId, manager.TeamId);
            writer.WriteEndObject();
            JsonOutput.FlushIfFull(writer);
        }

        writer.WriteEndArray();
        writer.WriteStartArray(Offenders);
        for (var i = 0; i < snapshot.Offenders.Count; i++)
        {
            WriteOffender(writer, Record(snapshot.Offenders[i], SnapshotArrays.Offenders, i), i);
            JsonOutput.FlushIfFull(writer);
        }

        writer.WriteEndArray();
        writer.WriteStartArray(Visits);
        for (var i = 0; i < snapshot.Visits.Count; i++)
        {
            var visit = Record(snapshot.Visits[i], SnapshotArrays.Visits, i);
            writer.WriteStartObject();
            writer.WriteString(OffenderId, Required(visit.OffenderId, SnapshotArrays.Visits, i, "offenderId"));
            JsonOutput.WriteDate(writer, Date, visit.Date);
            writer.WriteString(Outcome, ContractNames.Of(visit.Outcome) ?? throw Undefined(SnapshotArrays.Visits, i, "outcome"));
            if (visit.Announced is { } announced)
            {
                writer.WriteBoolean(Announced, announced);
            }

            writer.WriteEndObject();
            JsonOutput.FlushIfFull(writer);
        }

        writer.WriteEndArray();
        writer.WriteStartArray(Briefings);
        for (var i = 0; i < snapshot.Briefings.Count; i++)
        {
            var briefing = Record(snapshot.Briefings[i], SnapshotArrays.Briefings, i);
            writer.WriteStartObject();
            writer.WriteString(OffenderId, Required(briefing.OffenderId, SnapshotArrays.Briefings, i, "offenderId"));
            writer.WriteString(NeighbourhoodId, Required(briefing.NeighbourhoodId, SnapshotArrays.Briefings, i, "neighbourhoodId"));
            JsonOutput.WriteDate(writer, Date, briefing.Date);
            writer.WriteEndObject();
            JsonOutput.FlushIfFull(writer);
        }

        writer.WriteEndArray();
        WriteOverrides(writer, snapshot.Overrides);
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteOffender(Utf8JsonWriter writer, Offender offender, int index)
    {
        writer.WriteStartObject();
        writer.WriteString(Id, Required(offender.Id, SnapshotArrays.Offenders, index, "id"));
        Optional(writer, ManagerId, offender.ManagerId);
        Optional(writer, NeighbourhoodId, offender.NeighbourhoodId);
        writer.WriteString(RiskLevel, ContractNames.Of(offender.RiskLevel) ?? throw Undefined(SnapshotArrays.Offenders, index, "riskLevel"));
        Optional(writer, RiskAssessedOn, offender.RiskAssessedOn);
        JsonOutput.WriteDate(writer, RegisteredOn, offender.RegisteredOn);
        Optional(writer, ReleasedOn, offender.ReleasedOn);
        if (offender.InCustody)
        {
            writer.WriteBoolean(InCustody, true);
        }

        if (offender.ReactiveManagement)
        {
            writer.WriteBoolean(ReactiveManagement, true);
        }

        if (offender.VisitIntervalDays is { } interval)
        {
            writer.WriteNumber(VisitIntervalDays, interval);
        }

        if (offender.MappaLevel is { } mappa)
        {
            writer.WriteNumber(MappaLevel, mappa);
        }

        Optional(writer, MovedIntoNeighbourhoodOn, offender.MovedIntoNeighbourhoodOn);
        writer.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void Optional(Utf8JsonWriter writer, JsonEncodedText name, DateOnly? value)
    {
        if (value is { } date)
        {
            JsonOutput.WriteDate(writer, name, date);
        }
    }

    private static T Record<T>(T? record, string array, int index)
        where T : class =>
        record ?? throw new ArgumentException(Where(array, index) + " is null.");

    private static string Required(string? value, string array, int index, string field) =>
        value ?? throw new ArgumentException(Where(array, index) + "." + field + " is null; the contract requires it.");

    private static ArgumentException Undefined(string array, int index, string field) =>
        new(Where(array, index) + "." + field + " is not a value the contract defines.");

    private static string Where(string array, int index) => array + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}
