using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Changes;

/// <summary>
/// The findings of an earlier run, to compare a new run with (contract section 7): from a findings document read with
/// <see cref="Read(ReadOnlySpan{byte})"/> (any section 5 document, ids computed when it has none), or from an
/// <see cref="EvaluationReport"/> still in memory.
/// </summary>
public sealed class FindingsDocument
{
    /// <summary>Which of rule and reason each finding's document gave; <see langword="null"/> when every one gave both.</summary>
    private readonly IReadOnlyList<EarlierText>? _given;

    internal FindingsDocument(DateOnly? asOf, string? policyVersion, IReadOnlyList<Finding> findings, IReadOnlyList<string> ids, IReadOnlyList<EarlierText>? given = null)
    {
        AsOf = asOf;
        PolicyVersion = policyVersion;
        Findings = findings;
        Ids = ids;
        _given = given;
    }

    /// <summary>The earlier document's <c>asOf</c>, when it gives one.</summary>
    public DateOnly? AsOf { get; }

    /// <summary>The earlier document's <c>policyVersion</c>, when it gives one.</summary>
    public string? PolicyVersion { get; }

    /// <summary>
    /// The earlier findings (its <c>findings</c> array, not <c>suppressed</c>), in the document's order, with the
    /// fields of their kinds that the document gives. A finding without <c>rule</c> or <c>reason</c> has an empty one.
    /// </summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>The id of each of <see cref="Findings"/>, as the document gives it, or computed from its fields.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Which of <c>rule</c> and <c>reason</c> the document gave for the finding at <paramref name="index"/> (an empty string given is given).</summary>
    internal EarlierText Given(int index) => _given?[index] ?? EarlierText.Both;

    /// <summary>The findings of an evaluated report, as its findings document would give them.</summary>
    /// <param name="report">An evaluated report.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentException">The report was not evaluated.</exception>
    public static FindingsDocument From(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.IsEvaluated)
        {
            throw new ArgumentException("The report was not evaluated, so it has no findings to compare with.", nameof(report));
        }

        return new FindingsDocument(report.AsOf, report.PolicyVersion, report.Findings, report.Findings.Select(static f => f.Id).ToArray());
    }

    /// <summary>Reads a findings document (UTF-8 JSON).</summary>
    /// <param name="utf8Json">The document's bytes.</param>
    /// <returns>The document, or the problems that make it unusable as an earlier run.</returns>
    public static FindingsDocumentReadResult Read(ReadOnlySpan<byte> utf8Json) => FindingsDocumentReader.Read(utf8Json);

    /// <summary>Reads a findings document from a stream (read to its end, not closed).</summary>
    /// <param name="stream">The document.</param>
    /// <returns>The document, or the problems that make it unusable as an earlier run.</returns>
    /// <exception cref="IOException">The stream could not be read.</exception>
    public static FindingsDocumentReadResult Read(Stream stream) =>
        JsonInput.Parse(stream, static bytes => FindingsDocumentReader.Read(bytes.Span), FindingsDocumentReader.TooLarge);

    /// <summary>Reads a findings document from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The document, or the problems that make it unusable as an earlier run.</returns>
    /// <exception cref="IOException">The file could not be read (for example it does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static FindingsDocumentReadResult ReadFile(string path) =>
        JsonInput.ParseFile(path, static bytes => FindingsDocumentReader.Read(bytes.Span), FindingsDocumentReader.TooLarge);
}
