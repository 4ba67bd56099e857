namespace Safeguarding.Rules.Cli.Output;

/// <summary>
/// Plain-text columns, padded to the widest cell; numeric columns are right-aligned. Each cell is escaped and cut to
/// <see cref="TerminalText.MaxCellLength"/> characters (<see cref="TerminalText.Cell"/>).
/// </summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly List<string[]> _rows = [];

    /// <param name="headers">Column headers; prefix a header with <c>&gt;</c> to right-align its column.</param>
    public TextTable(params string[] headers)
    {
        _headers = new string[headers.Length];
        _rightAligned = new bool[headers.Length];
        for (var i = 0; i < headers.Length; i++)
        {
            _rightAligned[i] = headers[i].StartsWith('>');
            _headers[i] = _rightAligned[i] ? headers[i][1..] : headers[i];
        }
    }

    public int Count => _rows.Count;

    /// <summary>Whether to leave out columns that are empty in every row. Default <see langword="false"/>.</summary>
    public bool HideEmptyColumns { get; init; }

    public void Add(params string[] cells)
    {
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException("A row must have one cell per column.", nameof(cells));
        }

        // Cells come from the input: escaped for the terminal, and cut to a bounded width (one long id must not pad every row).
        _rows.Add(Array.ConvertAll(cells, TerminalText.Cell));
    }

    /// <summary>Writes the table, with its header row unless <paramref name="header"/> is false, indented by <paramref name="indent"/>.</summary>
    public void Write(TextWriter writer, bool header = true, string indent = "")
    {
        var widths = new int[_headers.Length];
        for (var c = 0; c < widths.Length; c++)
        {
            var content = 0;
            foreach (var row in _rows)
            {
                content = Math.Max(content, row[c].Length);
            }

            // A hidden column has width -1.
            widths[c] = HideEmptyColumns && content == 0 ? -1 : Math.Max(content, header ? _headers[c].Length : 0);
        }

        if (header)
        {
            WriteRow(writer, _headers, widths, indent);
        }

        foreach (var row in _rows)
        {
            WriteRow(writer, row, widths, indent);
        }
    }

    private void WriteRow(TextWriter writer, string[] cells, int[] widths, string indent)
    {
        var line = new System.Text.StringBuilder(indent);
        var first = true;
        for (var c = 0; c < cells.Length; c++)
        {
            if (widths[c] < 0)
            {
                continue;
            }

            if (!first)
            {
                line.Append("  ");
            }

            first = false;

            line.Append(_rightAligned[c] ? cells[c].PadLeft(widths[c]) : cells[c].PadRight(widths[c]));
        }

        writer.WriteLine(line.ToString().TrimEnd());
    }
}
