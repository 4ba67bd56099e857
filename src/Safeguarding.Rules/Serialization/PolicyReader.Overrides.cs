using System.Globalization;
using System.Text.Json;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Serialization;

/// <summary>Reading the policy's <c>overrides</c> block (contract section 8).</summary>
internal sealed partial class PolicyReader
{
    private static readonly FieldNames OverrideFields = new("maxDays", "kinds");

    private void ReadOverrides(ref Utf8JsonReader json, int field, string path)
    {
        var overrides = _policy.Overrides;
        if (field == 0)
        {
            overrides.MaxDays = WholeNumber(ref json, path) ?? overrides.MaxDays;
            return;
        }

        if (json.TokenType != JsonTokenType.StartArray)
        {
            WrongType(ref json, path, "an array of finding kinds");
            return;
        }

        // A list in a policy file replaces the default list; it is not added to it.
        var kinds = new List<string>();
        var index = 0;
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            var item = path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
            if (json.TokenType == JsonTokenType.String)
            {
                kinds.Add(json.GetString()!);
            }
            else
            {
                WrongType(ref json, item, "a string (a finding kind)");
            }

            index++;
        }

        overrides.Kinds = kinds;
    }
}
