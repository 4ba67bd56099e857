namespace Safeguarding.Rules.Csv.Reading;

/// <summary>Where one file's records and columns are: the line each data row starts on, and each known column's position.</summary>
internal sealed class FilePlaces(string fileName)
{
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);

    public string FileName { get; } = fileName;

    /// <summary>The 1-based line each data row starts on, by the row's 0-based index (a run while no row spans lines).</summary>
    public RunOfInts RowLines { get; } = new();

    /// <summary>The number of cells in the header; a missing column is placed after the last.</summary>
    public int HeaderCells { get; set; }

    public void SetColumn(string name, int position) => _columns[name] = position;

    /// <summary>The 1-based position of the column named <paramref name="field"/>, or the one after the header's last when it has none.</summary>
    public int ColumnOf(string field) => _columns.TryGetValue(field, out var position) ? position : HeaderCells + 1;

    public int LineOf(int? index) => index is { } i && i >= 0 && i < RowLines.Count ? RowLines[i] : 1;
}
