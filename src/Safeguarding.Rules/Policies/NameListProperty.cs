using System.Globalization;
using System.Text.Json;

namespace Safeguarding.Rules.Policies;

/// <summary>
/// A policy property holding a list of names (<c>overrides.kinds</c>). A list in a policy file replaces the default
/// list; it is not added to it (contract section 6). Each item is checked by <paramref name="checkItem"/>, which
/// returns the problem with one name or <see langword="null"/>; <paramref name="itemName"/> names one item
/// in problems ("finding kind").
/// </summary>
internal sealed class NameListProperty(
    string path,
    Func<SafeguardingPolicy, IList<string>?> get,
    Action<SafeguardingPolicy, IList<string>> set,
    string itemName,
    Func<string?, string?> checkItem) : PolicyProperty(path)
{
    public override void Read(ref Utf8JsonReader json, SafeguardingPolicy policy, List<PolicyProblem> problems)
    {
        if (json.TokenType != JsonTokenType.StartArray)
        {
            WrongType(ref json, problems, "an array of " + itemName + "s");
            return;
        }

        var items = new List<string>();
        var index = 0;
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (json.TokenType == JsonTokenType.String)
            {
                // Checked here, against the item's place in the file: an item of the wrong type is not in the list, so
                // Check would count the places of the later items from the wrong start.
                var item = json.GetString()!;
                if (checkItem(item) is { } problem)
                {
                    problems.Add(new(Item(index), problem));
                }
                else
                {
                    items.Add(item);
                }
            }
            else
            {
                problems.Add(new(Item(index), "must be a string (a " + itemName + "), not " + Serialization.JsonInput.Describe(json.TokenType)));
                json.Skip();
            }

            index++;
        }

        set(policy, items);
    }

    public override void Write(Utf8JsonWriter writer, SafeguardingPolicy policy)
    {
        var items = get(policy) ?? throw new ArgumentException("The policy's " + Path + " is null.", nameof(policy));
        writer.WriteStartArray(Name);
        foreach (var item in items)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }

    public override void Check(SafeguardingPolicy policy, List<PolicyProblem> problems)
    {
        if (get(policy) is not { } items)
        {
            problems.Add(new(Path, "must be given (omit the property to keep the default list)"));
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (checkItem(items[i]) is { } problem)
            {
                problems.Add(new(Item(i), problem));
            }
        }
    }

    public override string Format(SafeguardingPolicy policy) => string.Join(", ", get(policy) ?? []);

    private string Item(int index) => Path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}
