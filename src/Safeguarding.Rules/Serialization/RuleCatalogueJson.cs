namespace Safeguarding.Rules.Serialization;

/// <summary>
/// Writes the rule catalogue (<see cref="SafeguardingEngine.Rules"/>) as JSON:
/// <c>{ "rules": [ { "name", "findingKind", "tags", "description", "builtIn" } ] }</c>, in the catalogue's order,
/// <c>findingKind</c> left out when the rule does not name one. Descriptions are as the catalogue gives them, so they
/// show the values of the policy the catalogue was made for.
/// </summary>
public static class RuleCatalogueJson
{
    /// <summary>Writes <paramref name="rules"/> to <paramref name="stream"/>, indented with two spaces and line feeds.</summary>
    /// <param name="rules">The catalogue.</param>
    /// <param name="stream">Where to write; flushed, left open.</param>
    public static void Write(IEnumerable<RuleInfo> rules, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(stream);
        using var json = JsonOutput.CreateWriter(stream, indented: true);
        json.WriteStartObject();
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("name", rule.Name);
            if (rule.FindingKind is not null)
            {
                json.WriteString("findingKind", rule.FindingKind);
            }

            json.WriteStartArray("tags");
            foreach (var tag in rule.Tags)
            {
                json.WriteStringValue(tag);
            }

            json.WriteEndArray();
            json.WriteString("description", rule.Description);
            json.WriteBoolean("builtIn", rule.IsBuiltIn);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }
}
