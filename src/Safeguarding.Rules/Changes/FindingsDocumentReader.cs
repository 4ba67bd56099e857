using System.Globalization;
using System.Text.Json;
using Safeguarding.Rules.Findings;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Changes;

/// <summary>
/// Reads an earlier findings document (contract section 7): a JSON object with <c>schemaVersion</c> 1 or absent and a
/// <c>findings</c> array whose items each have a string <c>kind</c> and that kind's identity fields. Other fields are
/// read as the findings schema types them; a value of the wrong type is left out. Two findings with one id are a problem.
/// </summary>
internal static class FindingsDocumentReader
{
    public static FindingsDocumentReadResult TooLarge() => Invalid("the document " + JsonInput.TooLarge);

    public static FindingsDocumentReadResult Read(ReadOnlySpan<byte> utf8Json)
    {
        utf8Json = JsonInput.SkipByteOrderMark(utf8Json);
        if (JsonInput.TextProblem(utf8Json) is { } notText)
        {
            return Invalid("the document " + notText);
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, JsonInput.ReaderOptions);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            return Invalid("the document " + JsonInput.NotJson(e, utf8Json));
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    private static FindingsDocumentReadResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Invalid("not a findings document: the top level is not a JSON object");
        }

        var problems = new List<FindingsDocumentProblem>();
        if (root.TryGetProperty("schemaVersion", out var version)
            && !(version.ValueKind == JsonValueKind.Number && version.TryGetDecimal(out var number) && number == 1m))
        {
            problems.Add(new("schemaVersion", "must be 1 when present"));
        }

        if (!root.TryGetProperty("findings", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new("findings", "is required and must be an array (is this a findings document?)"));
            return new FindingsDocumentReadResult(null, problems);
        }

        var findings = new List<Finding>(items.GetArrayLength());
        var ids = new List<string>(findings.Capacity);
        var texts = new List<EarlierText>(findings.Capacity);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var path = Invariant($"findings[{index}]");
            if (ReadFinding(item, path, problems) is { } finding)
            {
                var id = item.TryGetProperty("id", out var given) && given.ValueKind == JsonValueKind.String ? given.GetString()! : finding.Id;
                if (seen.TryGetValue(id, out var first))
                {
                    problems.Add(new(path + ".id", Invariant($"duplicate id {id}, also findings[{first}]")));
                }
                else
                {
                    seen.Add(id, index);
                    findings.Add(finding);
                    ids.Add(id);
                    texts.Add((IsString(item, "rule") ? EarlierText.Rule : EarlierText.None) | (IsString(item, "reason") ? EarlierText.Reason : EarlierText.None));
                }
            }

            index++;
        }

        if (problems.Count > 0)
        {
            return new FindingsDocumentReadResult(null, problems);
        }

        DateOnly? asOf = root.TryGetProperty("asOf", out var asOfText) && asOfText.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(asOfText.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : null;
        var policyVersion = root.TryGetProperty("policyVersion", out var policy) && policy.ValueKind == JsonValueKind.String ? policy.GetString() : null;
        return new FindingsDocumentReadResult(new FindingsDocument(asOf, policyVersion, findings, ids, texts), []);
    }

    private static Finding? ReadFinding(JsonElement item, string path, List<FindingsDocumentProblem> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(path, "is not a JSON object"));
            return null;
        }

        if (!item.TryGetProperty("kind", out var kindElement) || kindElement.ValueKind != JsonValueKind.String || kindElement.GetString() is not { Length: > 0 } kind)
        {
            problems.Add(new(path + ".kind", "is required and must be a non-empty string"));
            return null;
        }

        var finding = new Finding
        {
            Kind = kind,
            Rule = Text(item, "rule") ?? string.Empty,
            Reason = Text(item, "reason") ?? string.Empty,
        };
        var schema = FindingSchema.Of(kind);
        foreach (var field in schema.Fields.Append(FindingSchema.OverrideExpiredOn))
        {
            if (item.TryGetProperty(field.Name, out var value) && field.Read(value, finding) is { } read)
            {
                finding = read;
            }
        }

        var ok = true;
        foreach (var field in schema.IsContractKind ? schema.Identity : [])
        {
            // A DataQuality finding without array is an offender record's (its v1 fields): the array is offenders.
            if (!field.IsPresent(finding) && !ReferenceEquals(field, FindingSchema.Array))
            {
                problems.Add(new(path + "." + field.Name, "is required for a " + kind + " finding (it identifies the finding) and must be " + Describe(field.Type)));
                ok = false;
            }
        }

        return ok ? finding : null;
    }

    /// <summary>Whether the finding gives <paramref name="name"/> as a string, seen without reading it again (a reason can be long).</summary>
    private static bool IsString(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String;

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Describe(FindingValueType type) => type switch
    {
        FindingValueType.Number => "a whole number",
        FindingValueType.Date => "a yyyy-MM-dd date",
        _ => "a string",
    };

    /// <summary>A problem with the document itself (path <c>$</c>), whose text names the document.</summary>
    private static FindingsDocumentReadResult Invalid(string problem) => new(null, [new(FindingsDocumentProblem.DocumentPath, problem)]);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
