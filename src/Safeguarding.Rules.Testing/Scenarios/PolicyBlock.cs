using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Serialization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Safeguarding.Rules.Testing.Scenarios;

/// <summary>
/// Reads a scenario's <c>policy</c> block with exactly the meaning of a policy file (contract section 4): the YAML is
/// turned into the JSON document it stands for and read by <see cref="PolicyJson.Read(ReadOnlySpan{byte})"/>, whose
/// problems are mapped back to the lines of the block.
/// </summary>
internal sealed partial class PolicyBlock
{
    private readonly ScenarioParser _parser;
    private readonly Dictionary<string, Mark> _marks = new(StringComparer.Ordinal);

    public PolicyBlock(ScenarioParser parser)
    {
        _parser = parser;
    }

    /// <summary>The default policy, for a scenario without a policy block.</summary>
    public static (SafeguardingPolicy? Policy, byte[]? Json) Defaults => (new SafeguardingPolicy(), null);

    public (SafeguardingPolicy? Policy, byte[]? Json) Read(YamlNode node)
    {
        if (node is not YamlMappingNode)
        {
            _parser.Problem(node.Start, "policy", "must be a mapping of policy properties, as in a policy file");
            return (null, null);
        }

        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node, string.Empty);
        }

        var json = buffer.ToArray();
        var result = PolicyJson.Read(json);
        foreach (var problem in result.Problems)
        {
            _parser.Problem(MarkOf(problem.Property, node.Start), "policy." + problem.Property, problem.Problem);
        }

        return result.IsValid ? (result.Policy, json) : (null, null);
    }

    private Mark MarkOf(string property, Mark fallback)
    {
        for (var path = property; path.Length > 0; path = path.Contains('.', StringComparison.Ordinal) ? path[..path.LastIndexOf('.')] : string.Empty)
        {
            if (_marks.TryGetValue(path, out var mark))
            {
                return mark;
            }
        }

        return fallback;
    }

    private void Write(Utf8JsonWriter writer, YamlNode node, string path)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    var name = key is YamlScalarNode { Value: { } text } ? text : string.Empty;
                    var property = path.Length == 0 ? name : path + "." + name;
                    _marks.TryAdd(property, key.Start);
                    writer.WritePropertyName(name);
                    Write(writer, value, property);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    // The policy reader names a list item by its place (childProtection.nonWorkingDays[1]): keep each item's own mark.
                    _marks.TryAdd(path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", sequence.Children[i].Start);
                    Write(writer, sequence.Children[i], path);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar, path);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar, string path)
    {
        var text = scalar.Value ?? string.Empty;
        var plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
        if (!plain || string.Equals(path, "version", StringComparison.Ordinal) && !ScenarioParser.IsNull(scalar))
        {
            writer.WriteStringValue(text); // a version label is text even when it looks like a number
        }
        else if (ScenarioParser.IsNull(scalar))
        {
            writer.WriteNullValue();
        }
        else if (text is "true" or "false")
        {
            writer.WriteBooleanValue(text == "true");
        }
        else if (JsonNumber().IsMatch(text))
        {
            writer.WriteRawValue(text); // as written, so the policy reader sees the very number (decimal would round a long one)
        }
        else if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            writer.WriteNumberValue(number);
        }
        else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var large) && double.IsFinite(large))
        {
            writer.WriteNumberValue(large);
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }

    /// <summary>A number as JSON writes it (RFC 8259).</summary>
    [GeneratedRegex(@"\A-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();
}
