using Safeguarding.Rules.Changes;
using Safeguarding.Rules.Findings;

namespace Safeguarding.Rules.Cli.Output;

/// <summary>
/// Findings as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break): one finding
/// per row, in the report's order. The header is fixed whatever the findings: <c>kind</c>, <c>id</c>, <c>change</c>
/// (only when compared with an earlier run), <c>rule</c>, every field of the findings schema in the order each first
/// appears in the contract's tables (<see cref="FindingSchema.Fields"/>), <c>overrideExpiredOn</c>, then <c>reason</c>. A finding's cells for
/// fields its kind does not have, and for absent values, are empty.
/// </summary>
internal static class CsvFindings
{
    public const string NewLine = "\r\n";

    public static IReadOnlyList<string> Header { get; } =
        ["kind", "id", "rule", .. FindingSchema.Fields.Select(static f => f.Name), FindingSchema.OverrideExpiredOn.Name, "reason"];

    public static IReadOnlyList<string> HeaderWithChanges { get; } =
        ["kind", "id", "change", "rule", .. FindingSchema.Fields.Select(static f => f.Name), FindingSchema.OverrideExpiredOn.Name, "reason"];

    public static void Write(IReadOnlyList<Finding> findings, TextWriter writer, ChangeReport? changes = null)
    {
        var header = changes is null ? Header : HeaderWithChanges;
        WriteRow(writer, header);
        var cells = new string[header.Count];
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            var cell = 0;
            cells[cell++] = finding.Kind;
            cells[cell++] = finding.Id;
            if (changes is not null)
            {
                cells[cell++] = changes.Changes[i].ToString();
            }

            cells[cell++] = finding.Rule;
            var kind = FindingSchema.Of(finding.Kind);
            foreach (var field in FindingSchema.Fields)
            {
                cells[cell++] = kind.Fields.Contains(field) ? field.Format(finding) ?? string.Empty : string.Empty;
            }

            cells[cell++] = FindingSchema.OverrideExpiredOn.Format(finding) ?? string.Empty;
            cells[cell] = finding.Reason;
            WriteRow(writer, cells);
        }
    }

    /// <summary>A field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a comma, quote, CR or LF.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void WriteRow(TextWriter writer, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            writer.Write(CsvCell.Neutralise(Field(cells[i])));
        }

        writer.Write(NewLine);
    }
}
