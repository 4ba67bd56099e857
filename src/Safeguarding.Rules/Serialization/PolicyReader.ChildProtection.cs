using System.Globalization;
using System.Text.Json;

namespace Safeguarding.Rules.Serialization;

/// <summary>
/// The policy file's <c>childProtection</c> block (contract section 6): five whole numbers and <c>nonWorkingDays</c>,
/// a list of <c>yyyy-MM-dd</c> dates that replaces the default list (none), never adds to it.
/// </summary>
internal sealed partial class PolicyReader
{
    private const string ChildProtectionField = "childProtection";

    private static readonly FieldNames ChildProtectionFields = new(
        "strategyOutcomeWorkingDays", "appropriateAdultAlertMinutes", "appropriateAdultInspectorMinutes",
        "policeProtectionMaxHours", "localAuthorityInformMinutes", "nonWorkingDays");

    private void ReadChildProtection(ref Utf8JsonReader json, int field, string path)
    {
        var policy = _policy.ChildProtection;
        switch (field)
        {
            case 0:
                policy.StrategyOutcomeWorkingDays = WholeNumber(ref json, path) ?? policy.StrategyOutcomeWorkingDays;
                break;
            case 1:
                policy.AppropriateAdultAlertMinutes = WholeNumber(ref json, path) ?? policy.AppropriateAdultAlertMinutes;
                break;
            case 2:
                policy.AppropriateAdultInspectorMinutes = WholeNumber(ref json, path) ?? policy.AppropriateAdultInspectorMinutes;
                break;
            case 3:
                policy.PoliceProtectionMaxHours = WholeNumber(ref json, path) ?? policy.PoliceProtectionMaxHours;
                break;
            case 4:
                policy.LocalAuthorityInformMinutes = WholeNumber(ref json, path) ?? policy.LocalAuthorityInformMinutes;
                break;
            default:
                ReadNonWorkingDays(ref json, path);
                break;
        }
    }

    private void ReadNonWorkingDays(ref Utf8JsonReader json, string path)
    {
        if (json.TokenType != JsonTokenType.StartArray)
        {
            WrongType(ref json, path, "an array of dates (yyyy-MM-dd)");
            return;
        }

        var dates = new List<DateOnly>();
        var index = 0;
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            var at = path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
            if (json.TokenType != JsonTokenType.String)
            {
                WrongType(ref json, at, "a date string (yyyy-MM-dd)");
            }
            else if (DateOnly.TryParseExact(json.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                dates.Add(date);
            }
            else
            {
                _problems.Add(new(at, "must be a real date in the form yyyy-MM-dd"));
            }

            index++;
        }

        _policy.ChildProtection.NonWorkingDays = dates; // Replaces the default list: a list is never added to.
    }
}
