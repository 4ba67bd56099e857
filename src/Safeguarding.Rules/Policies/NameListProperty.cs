using System.Globalization;
using System.Text.Json;

namespace Safeguarding.Rules.Policies;

/// <summary>
/// A policy property holding a list of names (<c>overrides.kinds</c>). A list in a policy file replaces the default
/// list; it is not added to it (contract section 6). An item listed twice is a problem naming the repeat and the first
/// (a repeat means nothing, yet would make the policy's hash differ from the same list without it). Each item is checked by <paramref name="checkItem"/>, which
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
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
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
                else if (first.TryGetValue(item, out var earlier))
                {
                    problems.Add(new(Item(index), Repeated(earlier))); // Left out of the list, so Check does not report it again.
                }
                else
                {
                    first.Add(item, index);
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

        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (checkItem(items[i]) is { } problem)
            {
                problems.Add(new(Item(i), problem));
            }
            else if (!first.TryAdd(items[i], i))
            {
                problems.Add(new(Item(i), Repeated(first[items[i]])));
            }
        }
    }

    public override string Format(SafeguardingPolicy policy) => string.Join(", ", get(policy) ?? []);

    /// <summary>A repeated item: a list names each item once (a repeat means nothing, yet would change the policy's hash).</summary>
    private string Repeated(int earlier) => "is listed already, at " + Item(earlier) + ": list each " + itemName + " once";

    private string Item(int index) => Path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}
