using System.Text.Json;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Serialization;

/// <summary>Writing the <c>overrides</c> array (contract section 8): only when the snapshot has any, so a snapshot without them is written as before.</summary>
internal static partial class SnapshotWriter
{
    private static readonly JsonEncodedText Overrides = JsonEncodedText.Encode(SnapshotArrays.Overrides);
    private static readonly JsonEncodedText FindingId = JsonEncodedText.Encode("findingId");
    private static readonly JsonEncodedText ReasonCode = JsonEncodedText.Encode("reasonCode");
    private static readonly JsonEncodedText AuthorisedBy = JsonEncodedText.Encode("authorisedBy");
    private static readonly JsonEncodedText From = JsonEncodedText.Encode("from");
    private static readonly JsonEncodedText Until = JsonEncodedText.Encode("until");

    private static void WriteOverrides(Utf8JsonWriter writer, IReadOnlyList<Override> overrides)
    {
        if (overrides.Count == 0)
        {
            return;
        }

        const string Array = SnapshotArrays.Overrides;
        writer.WriteStartArray(Overrides);
        for (var i = 0; i < overrides.Count; i++)
        {
            var entry = Record(overrides[i], Array, i);
            writer.WriteStartObject();
            writer.WriteString(Id, Required(entry.Id, Array, i, "id"));
            writer.WriteString(FindingId, Required(entry.FindingId, Array, i, "findingId"));
            writer.WriteString(ReasonCode, Required(entry.ReasonCode, Array, i, "reasonCode"));
            writer.WriteString(AuthorisedBy, Required(entry.AuthorisedBy, Array, i, "authorisedBy"));
            JsonOutput.WriteDate(writer, From, entry.From);
            JsonOutput.WriteDate(writer, Until, entry.Until);
            writer.WriteEndObject();
            JsonOutput.FlushIfFull(writer);
        }

        writer.WriteEndArray();
    }
}
