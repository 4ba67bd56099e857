using System.Text.Json;
using Safeguarding.Rules.Evaluation;

namespace Safeguarding.Rules.Cli.Output;

/// <summary>The rule catalogue as a table or as JSON: <c>{ "rules": [ { "name", "findingKind", "tags", "description", "builtIn" } ] }</c>.</summary>
internal static class RuleCatalogue
{
    public static void WriteTable(IReadOnlyList<RuleInfo> rules, TextWriter writer)
    {
        var table = new TextTable("Rule", "Finding kind", "Tags", "Description");
        foreach (var rule in rules)
        {
            table.Add(rule.Name, rule.FindingKind ?? "-", string.Join(',', rule.Tags), rule.Description);
        }

        table.Write(writer);
    }

    public static void WriteJson(IReadOnlyList<RuleInfo> rules, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
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
