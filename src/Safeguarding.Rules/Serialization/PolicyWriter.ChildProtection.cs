using System.Text.Json;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Serialization;

/// <summary>The policy's <c>childProtection</c> block, written last, every property present, the dates in the order given.</summary>
internal static partial class PolicyWriter
{
    private static readonly JsonEncodedText ChildProtection = JsonEncodedText.Encode("childProtection");
    private static readonly JsonEncodedText StrategyOutcomeWorkingDays = JsonEncodedText.Encode("strategyOutcomeWorkingDays");
    private static readonly JsonEncodedText AppropriateAdultAlertMinutes = JsonEncodedText.Encode("appropriateAdultAlertMinutes");
    private static readonly JsonEncodedText AppropriateAdultInspectorMinutes = JsonEncodedText.Encode("appropriateAdultInspectorMinutes");
    private static readonly JsonEncodedText PoliceProtectionMaxHours = JsonEncodedText.Encode("policeProtectionMaxHours");
    private static readonly JsonEncodedText LocalAuthorityInformMinutes = JsonEncodedText.Encode("localAuthorityInformMinutes");
    private static readonly JsonEncodedText NonWorkingDays = JsonEncodedText.Encode("nonWorkingDays");

    private static void WriteChildProtection(Utf8JsonWriter writer, SafeguardingPolicy policy)
    {
        var block = policy.ChildProtection ?? throw new ArgumentException("The policy's ChildProtection is null.", nameof(policy));
        writer.WriteStartObject(ChildProtection);
        writer.WriteNumber(StrategyOutcomeWorkingDays, block.StrategyOutcomeWorkingDays);
        writer.WriteNumber(AppropriateAdultAlertMinutes, block.AppropriateAdultAlertMinutes);
        writer.WriteNumber(AppropriateAdultInspectorMinutes, block.AppropriateAdultInspectorMinutes);
        writer.WriteNumber(PoliceProtectionMaxHours, block.PoliceProtectionMaxHours);
        writer.WriteNumber(LocalAuthorityInformMinutes, block.LocalAuthorityInformMinutes);
        writer.WriteStartArray(NonWorkingDays);
        foreach (var date in block.NonWorkingDays ?? [])
        {
            writer.WriteStringValue(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
