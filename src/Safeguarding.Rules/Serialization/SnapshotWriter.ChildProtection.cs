using System.Globalization;
using System.Text.Json;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Serialization;

/// <summary>
/// The child-protection part of the written snapshot (contract section 6): <c>extractedAt</c> after <c>asOf</c>, and
/// the three arrays after <c>briefings</c>, each only when it has records, so a snapshot without them is written as
/// before. Instants are written in UTC, with the fraction of a second only when there is one.
/// </summary>
internal static partial class SnapshotWriter
{
    private static readonly JsonEncodedText ExtractedAt = JsonEncodedText.Encode("extractedAt");
    private static readonly JsonEncodedText StrategyDiscussions = JsonEncodedText.Encode(SnapshotArrays.StrategyDiscussions);
    private static readonly JsonEncodedText Detentions = JsonEncodedText.Encode(SnapshotArrays.Detentions);
    private static readonly JsonEncodedText PoliceProtections = JsonEncodedText.Encode(SnapshotArrays.PoliceProtections);
    private static readonly JsonEncodedText HeldOn = JsonEncodedText.Encode("heldOn");
    private static readonly JsonEncodedText OutcomeRecordedOn = JsonEncodedText.Encode("outcomeRecordedOn");
    private static readonly JsonEncodedText Actions = JsonEncodedText.Encode("actions");
    private static readonly JsonEncodedText Owner = JsonEncodedText.Encode("owner");
    private static readonly JsonEncodedText DueOn = JsonEncodedText.Encode("dueOn");
    private static readonly JsonEncodedText CompletedOn = JsonEncodedText.Encode("completedOn");
    private static readonly JsonEncodedText CustodySuiteId = JsonEncodedText.Encode("custodySuiteId");
    private static readonly JsonEncodedText Juvenile = JsonEncodedText.Encode("juvenile");
    private static readonly JsonEncodedText AuthorisedAt = JsonEncodedText.Encode("authorisedAt");
    private static readonly JsonEncodedText AppropriateAdultArrivedAt = JsonEncodedText.Encode("appropriateAdultArrivedAt");
    private static readonly JsonEncodedText ReleasedAt = JsonEncodedText.Encode("releasedAt");
    private static readonly JsonEncodedText Interviews = JsonEncodedText.Encode("interviews");
    private static readonly JsonEncodedText StartedAt = JsonEncodedText.Encode("startedAt");
    private static readonly JsonEncodedText AppropriateAdultPresent = JsonEncodedText.Encode("appropriateAdultPresent");
    private static readonly JsonEncodedText UrgentInterviewAuthorised = JsonEncodedText.Encode("urgentInterviewAuthorised");
    private static readonly JsonEncodedText LocalAuthorityInformedAt = JsonEncodedText.Encode("localAuthorityInformedAt");
    private static readonly JsonEncodedText EndedAt = JsonEncodedText.Encode("endedAt");

    private static void WriteExtractedAt(Utf8JsonWriter writer, CaseloadSnapshot snapshot)
    {
        if (snapshot.ExtractedAt is { } extractedAt)
        {
            writer.WriteString(ExtractedAt, Instant(extractedAt));
        }
    }

    private static void WriteChildProtection(Utf8JsonWriter writer, CaseloadSnapshot snapshot)
    {
        if (snapshot.StrategyDiscussions.Count > 0)
        {
            writer.WriteStartArray(StrategyDiscussions);
            for (var i = 0; i < snapshot.StrategyDiscussions.Count; i++)
            {
                WriteDiscussion(writer, Record(snapshot.StrategyDiscussions[i], SnapshotArrays.StrategyDiscussions, i), i);
                JsonOutput.FlushIfFull(writer);
            }

            writer.WriteEndArray();
        }

        if (snapshot.Detentions.Count > 0)
        {
            writer.WriteStartArray(Detentions);
            for (var i = 0; i < snapshot.Detentions.Count; i++)
            {
                WriteDetention(writer, Record(snapshot.Detentions[i], SnapshotArrays.Detentions, i), i);
                JsonOutput.FlushIfFull(writer);
            }

            writer.WriteEndArray();
        }

        if (snapshot.PoliceProtections.Count > 0)
        {
            writer.WriteStartArray(PoliceProtections);
            for (var i = 0; i < snapshot.PoliceProtections.Count; i++)
            {
                var protection = Record(snapshot.PoliceProtections[i], SnapshotArrays.PoliceProtections, i);
                writer.WriteStartObject();
                writer.WriteString(Id, Required(protection.Id, SnapshotArrays.PoliceProtections, i, "id"));
                Optional(writer, TeamId, protection.TeamId);
                writer.WriteString(StartedAt, Instant(protection.StartedAt));
                OptionalInstant(writer, LocalAuthorityInformedAt, protection.LocalAuthorityInformedAt);
                OptionalInstant(writer, EndedAt, protection.EndedAt);
                writer.WriteEndObject();
                JsonOutput.FlushIfFull(writer);
            }

            writer.WriteEndArray();
        }
    }

    private static void WriteDiscussion(Utf8JsonWriter writer, StrategyDiscussion discussion, int index)
    {
        const string Array = SnapshotArrays.StrategyDiscussions;
        writer.WriteStartObject();
        writer.WriteString(Id, Required(discussion.Id, Array, index, "id"));
        Optional(writer, TeamId, discussion.TeamId);
        JsonOutput.WriteDate(writer, HeldOn, discussion.HeldOn);
        Optional(writer, OutcomeRecordedOn, discussion.OutcomeRecordedOn);
        if (discussion.Actions.Count > 0)
        {
            writer.WriteStartArray(Actions);
            for (var a = 0; a < discussion.Actions.Count; a++)
            {
                var path = "actions[" + a.ToString(CultureInfo.InvariantCulture) + "]";
                var action = discussion.Actions[a] ?? throw new ArgumentException(Where(Array, index) + "." + path + " is null.");
                writer.WriteStartObject();
                writer.WriteString(Id, Required(action.Id, Array, index, path + ".id"));
                writer.WriteString(Owner, ContractNames.Of(action.Owner) ?? throw Undefined(Array, index, path + ".owner"));
                JsonOutput.WriteDate(writer, DueOn, action.DueOn);
                Optional(writer, CompletedOn, action.CompletedOn);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteDetention(Utf8JsonWriter writer, Detention detention, int index)
    {
        const string Array = SnapshotArrays.Detentions;
        writer.WriteStartObject();
        writer.WriteString(Id, Required(detention.Id, Array, index, "id"));
        writer.WriteString(CustodySuiteId, Required(detention.CustodySuiteId, Array, index, "custodySuiteId"));
        writer.WriteBoolean(Juvenile, detention.Juvenile);
        writer.WriteString(AuthorisedAt, Instant(detention.AuthorisedAt));
        OptionalInstant(writer, AppropriateAdultArrivedAt, detention.AppropriateAdultArrivedAt);
        OptionalInstant(writer, ReleasedAt, detention.ReleasedAt);
        if (detention.Interviews.Count > 0)
        {
            writer.WriteStartArray(Interviews);
            for (var i = 0; i < detention.Interviews.Count; i++)
            {
                var interview = detention.Interviews[i]
                    ?? throw new ArgumentException(Where(Array, index) + ".interviews[" + i.ToString(CultureInfo.InvariantCulture) + "] is null.");
                writer.WriteStartObject();
                writer.WriteString(StartedAt, Instant(interview.StartedAt));
                writer.WriteBoolean(AppropriateAdultPresent, interview.AppropriateAdultPresent);
                if (interview.UrgentInterviewAuthorised)
                {
                    writer.WriteBoolean(UrgentInterviewAuthorised, true);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void OptionalInstant(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value)
    {
        if (value is { } instant)
        {
            writer.WriteString(name, Instant(instant));
        }
    }

    /// <summary>An input instant in UTC, keeping any fraction of a second (trailing zeros dropped) so it reads back the same.</summary>
    internal static string Instant(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return utc.Ticks % TimeSpan.TicksPerSecond == 0
            ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }
}
