using System.Globalization;
using System.Text;
using Safeguarding.Rules.Csv.Tables;
using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Csv.Writing;

/// <summary>
/// Writes a snapshot as a CSV folder (contract section 9): one file per table with records, every known column in the
/// descriptor's order, UTF-8 without a byte order mark, CRLF line ends (RFC 4180), a cell quoted only when it holds a
/// comma, a quote, CR or LF. <c>teams.csv</c> only when the snapshot has a team list, <c>snapshot.csv</c> only when it
/// has a schema version or an as-of date; <c>offenders.csv</c> always. The same snapshot always gives the same bytes.
/// </summary>
internal static class CsvFolderWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Write(CaseloadSnapshot snapshot, string folder)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder);
        foreach (var table in CsvTables.All)
        {
            table.Write(snapshot, folder);
        }
    }

    public static void Write<T>(RecordTable<T> table, CaseloadSnapshot snapshot, string folder)
        where T : class
    {
        var path = Path.Combine(folder, table.FileName);
        var records = table.Records(snapshot);
        if (records is null && table.FileName != CsvTables.OffendersFile)
        {
            // Nothing to say: remove what an earlier write left, so the folder means this snapshot.
            File.Delete(path);
            return;
        }

        records ??= [];
        using var file = new StreamWriter(path, append: false, Utf8, bufferSize: 1 << 16);
        var columns = table.Columns;
        for (var c = 0; c < columns.Count; c++)
        {
            file.Write(c == 0 ? string.Empty : ",");
            file.Write(columns[c].Name);
        }

        file.Write("\r\n");
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i] ?? throw new ArgumentException(Where(table, i) + " is null.");
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = table.Cell(record, c);
                if (cell is null && columns[c].Required)
                {
                    throw new ArgumentException(Where(table, i) + "." + columns[c].Name
                        + (columns[c].Kind == CellKind.Choice ? " is not a value the contract defines." : " is null; the contract requires it."));
                }

                if (c > 0)
                {
                    file.Write(',');
                }

                WriteCell(file, cell);
            }

            file.Write("\r\n");
        }
    }

    private static void WriteCell(StreamWriter file, string? cell)
    {
        if (cell is null)
        {
            return;
        }

        if (cell.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            file.Write(cell);
            return;
        }

        file.Write('"');
        file.Write(cell.Replace("\"", "\"\"", StringComparison.Ordinal));
        file.Write('"');
    }

    private static string Where(CsvTable table, int index) => table.Array + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}
