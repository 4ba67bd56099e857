using System.Text.Json;

namespace Safeguarding.Rules.Cli.Tests.Support;

internal static class Json
{
    public static JsonElement Parse(byte[] utf8) => JsonDocument.Parse(utf8).RootElement.Clone();

    public static JsonElement Parse(string text) => JsonDocument.Parse(text).RootElement.Clone();

    public static int Int(this JsonElement element, string path) => element.At(path).GetInt32();

    public static string? Str(this JsonElement element, string path) => element.At(path).GetString();

    public static JsonElement At(this JsonElement element, string path)
    {
        foreach (var name in path.Split('.'))
        {
            element = element.GetProperty(name);
        }

        return element;
    }

    /// <summary>
    /// Rewrites the JSON file at <paramref name="path"/> compactly with its first <paramref name="find"/> replaced; a U+00FF in
    /// <paramref name="replaceWith"/> is written as the byte 0xFF, which no UTF-8 text holds.
    /// </summary>
    public static void RewriteReplacingOnce(string path, string find, string replaceWith)
    {
        var text = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.ToJsonString();
        var at = text.IndexOf(find, StringComparison.Ordinal);
        at.Should().BeGreaterThanOrEqualTo(0, "the document holds {0}", find);
        var replaced = text[..at] + replaceWith + text[(at + find.Length)..];
        var parts = replaced.Split('\u00FF').Select(static part => System.Text.Encoding.UTF8.GetBytes(part));
        var bytes = parts.Aggregate(static (written, next) => [.. written, 0xFF, .. next]);
        File.WriteAllBytes(path, bytes);
    }

    public static bool Has(this JsonElement element, string name) => element.TryGetProperty(name, out _);

    /// <summary>Every property name under <paramref name="element"/> whose value is JSON null, as a path.</summary>
    public static IEnumerable<string> NullProperties(JsonElement element, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.Null)
                    {
                        yield return path + "." + property.Name;
                    }

                    foreach (var inner in NullProperties(property.Value, path + "." + property.Name))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var inner in NullProperties(item, path + "[" + i++ + "]"))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }
}
