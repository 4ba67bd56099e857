using System.Text.Json;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Serialization;

/// <summary>Writing the policy's <c>overrides</c> block (contract section 8): <c>maxDays</c>, then <c>kinds</c> in the order given.</summary>
internal static partial class PolicyWriter
{
    private static readonly JsonEncodedText Overrides = JsonEncodedText.Encode("overrides");
    private static readonly JsonEncodedText MaxDays = JsonEncodedText.Encode("maxDays");
    private static readonly JsonEncodedText Kinds = JsonEncodedText.Encode("kinds");

    private static void WriteOverrides(Utf8JsonWriter writer, OverridePolicy overrides)
    {
        var kinds = overrides.Kinds ?? throw new ArgumentException("The policy's Overrides.Kinds is null.", nameof(overrides));
        writer.WriteStartObject(Overrides);
        writer.WriteNumber(MaxDays, overrides.MaxDays);
        writer.WriteStartArray(Kinds);
        foreach (var kind in kinds)
        {
            writer.WriteStringValue(kind);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
