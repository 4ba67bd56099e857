using System.Globalization;
using System.Text.Json;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Records;

/// <summary>
/// Checks a findings document against the snapshot and policy it claims to come from (contract section 8,
/// <c>verify</c>): re-evaluates as of the document's <c>asOf</c> and <c>asOfInstant</c> (with partial results allowed
/// when the document has <c>rejected</c>) and compares the hashes of its <c>record</c>, then the whole document.
/// </summary>
public static class FindingsVerifier
{
    private static readonly JsonDocumentOptions Strict = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = JsonInput.MaxDepth };

    private static readonly string[] Hashes = ["snapshotSha256", "policySha256", "rulesSha256", "findingsSha256"];

    /// <summary>
    /// Verifies <paramref name="findingsDocument"/>. In order: the document is read (else
    /// <see cref="VerificationOutcome.Unreadable"/>); <c>snapshotSha256</c>, <c>policySha256</c> and <c>rulesSha256</c> are
    /// compared with the re-evaluation's; then the document is compared value by value with the one the re-evaluation
    /// writes, ignoring the top-level <c>changes</c> and each finding's <c>change</c>, which names the path of the first
    /// difference (a changed finding, a count, <c>record.findingsSha256</c>). Whitespace and property order do not matter.
    /// </summary>
    /// <param name="findingsDocument">The findings document's bytes (UTF-8 JSON).</param>
    /// <param name="snapshot">
    /// The snapshot the document claims to come from, as read (<c>SnapshotJson.ReadFile</c>: its
    /// <see cref="SnapshotReadResult.SourceSha256"/> is compared), or <see cref="SnapshotReadResult.FromCode"/> for one built in code.
    /// </param>
    /// <param name="evaluator">The evaluator to re-evaluate with: the same rules as the run that wrote the document.</param>
    /// <param name="policy">The policy of that run; <see langword="null"/> for the evaluator's default.</param>
    /// <param name="cancellationToken">
    /// Stops the verification: checked before it starts, and passed to the re-evaluation (which checks it between its
    /// partitions). Nothing partial is returned.
    /// </param>
    /// <returns>The outcome and the first difference.</returns>
    /// <exception cref="PolicyValidationException"><paramref name="policy"/> is invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static VerificationResult Verify(ReadOnlySpan<byte> findingsDocument, SnapshotReadResult snapshot, ISafeguardingEvaluator evaluator, SafeguardingPolicy? policy = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(evaluator);
        cancellationToken.ThrowIfCancellationRequested();
        if (Open(findingsDocument, out var document, out var asOf) is { } problem)
        {
            return Unreadable(problem);
        }

        using (document)
        {
            var root = document!.RootElement;
            var record = root.GetProperty("record");

            // T is the end of the asOf date when the run was given a date (or the snapshot has no extractedAt); otherwise
            // it was the snapshot's extractedAt, which only a run without a caller date uses again.
            var givenDate = string.Equals(record.GetProperty("asOfInstant").GetString(), InstantText.Format(ChildProtection.AsOfInstant.EndOf(asOf)), StringComparison.Ordinal);
            var report = evaluator.Evaluate(snapshot, new EvaluationOptions
            {
                AsOf = givenDate ? asOf : null,
                Policy = policy,
                AllowPartialResults = root.TryGetProperty("rejected", out _),
            }, cancellationToken);

            return Compare(root, record, report, snapshot);
        }
    }

    /// <summary>
    /// Why <paramref name="findingsDocument"/> cannot be verified whatever the snapshot (it is not a findings document with
    /// an <c>asOf</c> and a whole <c>record</c>: <see cref="VerificationOutcome.Unreadable"/>), or <see langword="null"/>
    /// when it can be: the first step of <see cref="Verify"/>, without re-evaluating anything.
    /// </summary>
    internal static string? ReadProblem(ReadOnlySpan<byte> findingsDocument)
    {
        var problem = Open(findingsDocument, out var document, out _);
        document?.Dispose();
        return problem;
    }

    /// <summary>Parses the document and checks its <c>asOf</c> and <c>record</c>; the problem, or <see langword="null"/> with the document (to dispose).</summary>
    private static string? Open(ReadOnlySpan<byte> findingsDocument, out JsonDocument? document, out DateOnly asOf)
    {
        document = null;
        asOf = default;
        if (JsonInput.TextProblem(JsonInput.SkipByteOrderMark(findingsDocument)) is { } notText)
        {
            return "the findings document " + notText;
        }

        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(findingsDocument.ToArray(), Strict);
        }
        catch (JsonException e)
        {
            return "the findings document " + JsonInput.NotJson(e, JsonInput.SkipByteOrderMark(findingsDocument));
        }

        var problem = CheckRoot(parsed.RootElement, out asOf);
        if (problem is not null)
        {
            parsed.Dispose();
            return problem;
        }

        document = parsed;
        return null;
    }

    /// <summary>Why the parsed document is not a findings document with an <c>asOf</c> date and a whole <c>record</c>, or <see langword="null"/>.</summary>
    private static string? CheckRoot(JsonElement root, out DateOnly asOf)
    {
        asOf = default;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("asOf", out var asOfText) || asOfText.ValueKind != JsonValueKind.String
            || !DateOnly.TryParseExact(asOfText.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            return "the findings document is not an object with an asOf date (yyyy-MM-dd)";
        }

        if (!root.TryGetProperty("record", out var record) || record.ValueKind != JsonValueKind.Object)
        {
            return "the findings document has no record, so there is nothing to verify it against (documents written before contract v1.1 have none)";
        }

        foreach (var name in Hashes.Prepend("asOfInstant"))
        {
            if (!record.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
            {
                return "the findings document's record has no " + name;
            }
        }

        return null;
    }

    private static VerificationResult Compare(JsonElement root, JsonElement record, EvaluationReport report, SnapshotReadResult snapshot)
    {
        if (!report.IsEvaluated && report.Problems.Any(static p => p.IsDocumentProblem))
        {
            return Unreadable("the snapshot cannot be read as a snapshot: " + report.Problems.Count(static p => p.IsDocumentProblem).ToString(CultureInfo.InvariantCulture) + " problems with the document itself");
        }

        if (!report.IsEvaluated)
        {
            var hash = snapshot.SourceSha256 ?? SnapshotHash(snapshot.Snapshot);
            if (!string.Equals(hash, record.GetProperty("snapshotSha256").GetString(), StringComparison.Ordinal))
            {
                return Differs("snapshotSha256", null, "snapshotSha256 differs: the snapshot is not the one the document was written from");
            }

            return Differs("rejected", null, "the snapshot has " + report.Problems.Count.ToString(CultureInfo.InvariantCulture) + " input problems and the document has no rejected, so re-evaluating it gives no findings document");
        }

        var now = report.Record!;
        (string Name, string Value)[] hashes =
        [
            ("snapshotSha256", now.SnapshotSha256),
            ("policySha256", now.PolicySha256),
            ("rulesSha256", now.RulesSha256),
        ];
        foreach (var (name, value) in hashes)
        {
            if (!string.Equals(value, record.GetProperty(name).GetString(), StringComparison.Ordinal))
            {
                return Differs(name, null, name + " differs: the " + What(name) + " is not the one the document was written with");
            }
        }

        if (!string.Equals(InstantText.Format(now.AsOfInstant), record.GetProperty("asOfInstant").GetString(), StringComparison.Ordinal))
        {
            return Differs("record.asOfInstant", null, snapshot.Snapshot.ExtractedAt is null
                ? "asOfInstant differs: the document was written at an as-of instant that is not the end of its asOf date, and the snapshot has no extractedAt it could have come from"
                : "asOfInstant differs: the snapshot's extractedAt is not the as-of instant the document was written at");
        }

        using var written = new MemoryStream();
        FindingsJson.Write(report, written);
        using var expected = JsonDocument.Parse(written.ToArray());
        var path = FirstDifference(expected.RootElement, root, "", topLevel: true, inFinding: false);
        if (path is null)
        {
            return new VerificationResult
            {
                Outcome = VerificationOutcome.Verified,
                Message = "verified: the snapshot, policy and rules match the record, and re-evaluating gives the same "
                    + report.Findings.Count.ToString(CultureInfo.InvariantCulture) + " findings",
            };
        }

        if (path.StartsWith("findings[", StringComparison.Ordinal))
        {
            var index = int.Parse(path.AsSpan(9, path.IndexOf(']', StringComparison.Ordinal) - 9), CultureInfo.InvariantCulture);
            var id = index < report.Findings.Count ? report.Findings[index].Id : null;
            return Differs(path, id, "findingsSha256 differs: the document's findings differ from the re-evaluation's at " + path
                + (id is null ? "" : " (finding " + id + ")"));
        }

        if (path.StartsWith("record.", StringComparison.Ordinal))
        {
            return Differs(path, null, path["record.".Length..] + " differs: the document's " + path + " does not match the re-evaluation's");
        }

        return Differs(path, null, "the document differs from the re-evaluation's at " + path);
    }

    private static string What(string hash) => hash switch
    {
        "snapshotSha256" => "snapshot",
        "policySha256" => "effective policy",
        _ => "rule catalogue (the rules loaded, described with the policy's values)",
    };

    private static string SnapshotHash(CaseloadSnapshot snapshot)
    {
        using var hash = new Sha256Stream();
        SnapshotWriter.Write(snapshot, hash, indented: false);
        return hash.Finish();
    }

    /// <summary>
    /// The path of the first value where <paramref name="actual"/> differs from <paramref name="expected"/>, in
    /// <paramref name="expected"/>'s order (an extra property of <paramref name="actual"/> last); <see langword="null"/>
    /// when they hold the same values. Ignores the top-level <c>changes</c> and <c>change</c> within findings.
    /// </summary>
    private static string? FirstDifference(JsonElement expected, JsonElement actual, string path, bool topLevel, bool inFinding)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return Root(path);
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in expected.EnumerateObject())
                {
                    if (Ignored(property.Name, topLevel, inFinding))
                    {
                        continue;
                    }

                    var at = path.Length == 0 ? property.Name : path + "." + property.Name;
                    if (!actual.TryGetProperty(property.Name, out var other))
                    {
                        return at;
                    }

                    var difference = FirstDifference(property.Value, other, at, topLevel: false, inFinding: topLevel && property.Name == "findings");
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                foreach (var property in actual.EnumerateObject())
                {
                    if (!Ignored(property.Name, topLevel, inFinding) && !expected.TryGetProperty(property.Name, out _))
                    {
                        return path.Length == 0 ? property.Name : path + "." + property.Name;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var length = expected.GetArrayLength();
                var actualLength = actual.GetArrayLength();
                for (var i = 0; i < Math.Min(length, actualLength); i++)
                {
                    var difference = FirstDifference(expected[i], actual[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", topLevel: false, inFinding: inFinding);
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                return length == actualLength ? null : path + "[" + Math.Min(length, actualLength).ToString(CultureInfo.InvariantCulture) + "]";
            case JsonValueKind.String:
                return expected.ValueEquals(actual.GetString()) ? null : path;
            case JsonValueKind.Number:
                return expected.TryGetDouble(out var x) && actual.TryGetDouble(out var y) && x.Equals(y) ? null : path;
            default:
                return null;
        }
    }

    /// <summary>The top-level <c>changes</c>, and <c>change</c> on a finding (an element of the top-level <c>findings</c>).</summary>
    private static bool Ignored(string name, bool topLevel, bool inFinding) =>
        (topLevel && name == "changes") || (inFinding && name == "change");

    private static string Root(string path) => path.Length == 0 ? "$" : path;

    private static VerificationResult Unreadable(string message) => new() { Outcome = VerificationOutcome.Unreadable, Message = message };

    private static VerificationResult Differs(string difference, string? findingId, string message) =>
        new() { Outcome = VerificationOutcome.Differs, Difference = difference, FindingId = findingId, Message = message };
}
