using System.Text.Json;
using Json.Schema;

namespace Safeguarding.Rules.Tests.Schemas;

/// <summary>The JSON Schemas published in docs/schemas, copied beside the test binaries, each built once.</summary>
internal static class PublishedSchemas
{
    private static readonly Lazy<JsonSchema> SnapshotSchema = new(() => Load("snapshot.schema.json"));
    private static readonly Lazy<JsonSchema> PolicySchema = new(() => Load("policy.schema.json"));
    private static readonly Lazy<JsonSchema> FindingsSchema = new(() => Load("findings.schema.json"));

    /// <summary>Format assertions on: a date such as 2018-02-30 is an error, not an annotation. Flag first: it is several times faster.</summary>
    private static readonly Json.Schema.EvaluationOptions Quick = new() { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };

    /// <summary>Every error, for the message of a failing test.</summary>
    private static readonly Json.Schema.EvaluationOptions Detailed = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    public static JsonSchema Snapshot => SnapshotSchema.Value;

    public static JsonSchema Policy => PolicySchema.Value;

    public static JsonSchema Findings => FindingsSchema.Value;

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "docs");

    public static string ReadText(string file) => File.ReadAllText(Path.Combine(Folder, "schemas", file));

    /// <summary>The errors of <paramref name="json"/> against <paramref name="schema"/>, each as "location: message"; empty when valid.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        return Errors(schema, document.RootElement);
    }

    /// <inheritdoc cref="Errors(JsonSchema, ReadOnlySpan{byte})"/>
    public static IReadOnlyList<string> Errors(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        return Errors(schema, document.RootElement);
    }

    private static IReadOnlyList<string> Errors(JsonSchema schema, JsonElement element)
    {
        if (schema.Evaluate(element, Quick).IsValid)
        {
            return [];
        }

        var results = schema.Evaluate(element, Detailed);

        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + " (" + d.EvaluationPath + "): " + e.Key + ": " + e.Value))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid, with no detail"];
    }

    private static JsonSchema Load(string file) => JsonSchema.FromText(ReadText(file));
}
