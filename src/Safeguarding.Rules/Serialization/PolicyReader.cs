using System.Text.Json;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Serialization;

/// <summary>
/// Reads a policy file (contract section 4) over the defaults: every property optional at any depth, unknown
/// properties, <see langword="null"/> and wrong JSON types are errors naming the property path, then the policy's own checks.
/// </summary>
internal sealed class PolicyReader
{
    // The file's shape, from the one list of policy properties: top-level names (properties and groups) in order,
    // and each group's member names.
    private static readonly string[] TopLevelNames = PolicyProperties.All.Select(static p => p.Group ?? p.Name).Distinct().ToArray();
    private static readonly FieldNames TopLevel = new(TopLevelNames);
    private static readonly PolicyProperty?[] TopLevelProperties =
        TopLevelNames.Select(static name => PolicyProperties.All.FirstOrDefault(p => p.Group is null && p.Name == name)).ToArray();

    private static readonly Dictionary<string, (FieldNames Names, PolicyProperty?[] Properties)> GroupFields =
        PolicyProperties.All.Where(static p => p.Group is not null).GroupBy(static p => p.Group!, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => (new FieldNames(g.Select(static p => p.Name).ToArray()), g.ToArray<PolicyProperty?>()), StringComparer.Ordinal);

    private readonly List<PolicyProblem> _problems = [];
    private readonly SafeguardingPolicy _policy = new();

    private PolicyReader()
    {
    }

    public static PolicyReadResult Read(ReadOnlySpan<byte> utf8Json) => new PolicyReader().ReadDocument(utf8Json);

    public static PolicyReadResult TooLarge() => new(null, [new PolicyProblem("$", JsonInput.TooLarge)]);

    private PolicyReadResult ReadDocument(ReadOnlySpan<byte> utf8Json)
    {
        utf8Json = JsonInput.SkipByteOrderMark(utf8Json);
        if (JsonInput.IsBlank(utf8Json))
        {
            return Unusable("is empty: a policy file is a JSON object (use {} for the default policy)");
        }

        var invalid = JsonInput.IndexOfInvalidUtf8(utf8Json);
        if (invalid >= 0)
        {
            return Unusable(JsonInput.NotUtf8(utf8Json, invalid));
        }

        var json = new Utf8JsonReader(utf8Json, JsonInput.ReaderOptions);
        try
        {
            json.Read();
            if (json.TokenType != JsonTokenType.StartObject)
            {
                var found = JsonInput.Describe(json.TokenType);
                json.Skip();
                json.Read(); // Content after the value is a JSON error, reported as such.
                return Unusable("must be a JSON object, not " + found);
            }

            ReadObject(ref json, null, TopLevel, TopLevelProperties);
            json.Read(); // Content after the document is a JSON error, reported as such.
        }
        catch (JsonException exception)
        {
            return Unusable(JsonInput.NotJson(exception, utf8Json));
        }
        catch (InvalidOperationException)
        {
            // Only the reader throws this: a string escaping a lone surrogate cannot be read as text.
            return Unusable(JsonInput.NotUnicode(utf8Json, json.TokenStartIndex));
        }

        _problems.AddRange(_policy.Validate());
        return new PolicyReadResult(_problems.Count == 0 ? _policy : null, _problems);
    }

    private PolicyReadResult Unusable(string problem)
    {
        _problems.Add(new("$", problem));
        return new PolicyReadResult(null, _problems);
    }

    /// <summary>Reads the members of the object the reader is at, to its end.</summary>
    private void ReadObject(ref Utf8JsonReader json, string? parent, FieldNames fields, PolicyProperty?[] properties)
    {
        var seen = 0;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var field = fields.Find(ref json);
            if (field < 0)
            {
                // The name is the file's own key, not a value: naming it is what makes a typo findable.
                _problems.Add(new(Path(parent, json.GetString()!), "is not a policy property; unknown properties are errors (check the spelling and the nesting)"));
                json.Read();
                json.Skip();
                continue;
            }

            var path = Path(parent, fields[field]);
            json.Read();
            var bit = 1 << field;
            if ((seen & bit) != 0)
            {
                _problems.Add(new(path, "appears more than once"));
                json.Skip();
                continue;
            }

            seen |= bit;
            if (json.TokenType == JsonTokenType.Null)
            {
                _problems.Add(new(path, "is null, which is not a value: omit the property to keep the default"));
                continue;
            }

            if (properties[field] is { } property)
            {
                property.Read(ref json, _policy, _problems);
            }
            else if (json.TokenType == JsonTokenType.StartObject)
            {
                var group = GroupFields[fields[field]];
                ReadObject(ref json, path, group.Names, group.Properties);
            }
            else
            {
                WrongType(ref json, path, "an object");
            }
        }
    }

    private void WrongType(ref Utf8JsonReader json, string path, string expected)
    {
        _problems.Add(new(path, "must be " + expected + ", not " + JsonInput.Describe(json.TokenType)));
        json.Skip();
    }

    private static string Path(string? parent, string name) => parent is null ? name : parent + "." + name;
}
