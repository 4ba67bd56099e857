
namespace Safeguarding.Rules.Cli.Output;

/// <summary>
/// Findings as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break): one finding
/// per row, in the report's order, with a header naming kind, rule, every field of the contract's section 5 table, and reason.
/// Absent values are empty fields.
/// </summary>
internal static class CsvFindings
{
    public const string NewLine = "\r\n";

    public static IReadOnlyList<string> Header { get; } =
    [
        "kind", "rule", "offenderId", "managerId", "teamId", "riskLevel", "dueOn", "daysOverdue", "daysUntilDue",
        "escalateTo", "noAccessVisits", "caseload", "overdueVisits", "neighbourhoodId", "since", "index", "reason",
    ];

    public static void Write(IEnumerable<Finding> findings, TextWriter writer)
    {
        WriteRow(writer, Header);
        var cells = new string[Header.Count];
        foreach (var f in findings)
        {
            cells[0] = f.Kind;
            cells[1] = f.Rule;
            cells[2] = f.OffenderId ?? string.Empty;
            cells[3] = f.ManagerId ?? string.Empty;
            cells[4] = f.TeamId ?? string.Empty;
            cells[5] = f.RiskLevel?.ToString() ?? string.Empty;
            cells[6] = Text.Date(f.DueOn);
            cells[7] = Text.OptionalNumber(f.DaysOverdue);
            cells[8] = Text.OptionalNumber(f.DaysUntilDue);
            cells[9] = f.EscalateTo?.ToString() ?? string.Empty;
            cells[10] = Text.OptionalNumber(f.NoAccessVisits);
            cells[11] = Text.OptionalNumber(f.Caseload);
            cells[12] = Text.OptionalNumber(f.OverdueVisits);
            cells[13] = f.NeighbourhoodId ?? string.Empty;
            cells[14] = Text.Date(f.Since);
            cells[15] = Text.OptionalNumber(f.Index);
            cells[16] = f.Reason;
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
