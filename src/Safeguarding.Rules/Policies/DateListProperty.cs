using System.Globalization;
using System.Text.Json;

namespace Safeguarding.Rules.Policies;

/// <summary>
/// A policy property holding a list of <c>yyyy-MM-dd</c> dates (<c>childProtection.nonWorkingDays</c>). A list in a
/// policy file replaces the default list; it is not added to it (contract section 6). Each item's problem names the
/// item, e.g. <c>childProtection.nonWorkingDays[1]</c>.
/// </summary>
internal sealed class DateListProperty(
    string path,
    Func<SafeguardingPolicy, IList<DateOnly>?> get,
    Action<SafeguardingPolicy, IList<DateOnly>> set) : PolicyProperty(path)
{
    private const string DateFormat = "yyyy-MM-dd";

    public override void Read(ref Utf8JsonReader json, SafeguardingPolicy policy, List<PolicyProblem> problems)
    {
        if (json.TokenType != JsonTokenType.StartArray)
        {
            WrongType(ref json, problems, "an array of dates (yyyy-MM-dd)");
            return;
        }

        var dates = new List<DateOnly>();
        var index = 0;
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (json.TokenType != JsonTokenType.String)
            {
                problems.Add(new(Item(index), "must be a date string (yyyy-MM-dd), not " + Serialization.JsonInput.Describe(json.TokenType)));
                json.Skip();
            }
            else if (DateOnly.TryParseExact(json.GetString(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                dates.Add(date);
            }
            else
            {
                problems.Add(new(Item(index), "must be a real date in the form yyyy-MM-dd"));
            }

            index++;
        }

        set(policy, dates); // Replaces the default list: a list is never added to.
    }

    public override void Write(Utf8JsonWriter writer, SafeguardingPolicy policy)
    {
        var dates = get(policy) ?? throw new ArgumentException("The policy's " + Path + " is null.", nameof(policy));
        writer.WriteStartArray(Name);
        foreach (var date in dates)
        {
            writer.WriteStringValue(date.ToString(DateFormat, CultureInfo.InvariantCulture));
        }

        writer.WriteEndArray();
    }

    public override void Check(SafeguardingPolicy policy, List<PolicyProblem> problems)
    {
        if (get(policy) is null)
        {
            problems.Add(new(Path, "must be a list of dates (omit the property to keep the default, none)"));
        }
    }

    public override string Format(SafeguardingPolicy policy) => get(policy) is { Count: > 0 } dates
        ? string.Join(", ", dates.Select(static d => d.ToString(DateFormat, CultureInfo.InvariantCulture)))
        : "none";

    private string Item(int index) => Path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}
