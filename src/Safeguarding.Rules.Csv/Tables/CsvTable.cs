using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Csv.Tables;

/// <summary>
/// One file of a CSV folder (contract section 9): its name, the snapshot array it holds, and its columns. The
/// descriptors in <see cref="CsvTables"/> drive both the reader and the writer, so a new snapshot array is one new entry.
/// </summary>
internal abstract class CsvTable
{
    private protected CsvTable(string fileName, string? array, CsvColumn[] columns)
    {
        FileName = fileName;
        Array = array;
        Columns = columns;
        IdColumn = System.Array.FindIndex(columns, static c => c.Name == "id");
    }

    /// <summary>The file's name in the folder, e.g. <c>offenders.csv</c>.</summary>
    public string FileName { get; }

    /// <summary>The snapshot array its rows are (<c>offenders</c>, ...); <see langword="null"/> for <c>snapshot.csv</c>, whose one row is the document's own values.</summary>
    public string? Array { get; }

    /// <summary>The columns the table knows, in the order the writer writes them; any other column is ignored.</summary>
    public IReadOnlyList<CsvColumn> Columns { get; }

    /// <summary>The position of the <c>id</c> column, or -1 when the records have no id.</summary>
    public int IdColumn { get; }

    /// <summary>
    /// Whether a missing file means the snapshot gives no list at all rather than an empty one (<c>teams.csv</c>: a
    /// snapshot without <c>teams</c> takes its teams from the managers).
    /// </summary>
    public bool MissingMeansNoList { get; init; }

    /// <summary>
    /// For a file of nested records (<c>strategy-actions.csv</c>, <c>interviews.csv</c>), the parent file's table and the
    /// column holding the parent's id; <see langword="null"/> for a top-level array. See <see cref="CsvParentLink"/>.
    /// </summary>
    public CsvParentLink? Parent { get; init; }

    /// <summary>A new, empty collection for the records of one reading of the file.</summary>
    public abstract IRecordSink CreateSink();

    /// <summary>Builds the record of a row with no problem, untyped (for a nested file, an <see cref="INestedRecord"/>).</summary>
    public abstract object Construct(CsvRecord record);

    /// <summary>
    /// For a parent table, once its nested file is read: attaches to each well-formed record of <paramref name="sink"/>
    /// its nested records from <paramref name="nested"/> (by the parent's data row), and moves each parent rejected for
    /// one of them to <paramref name="malformed"/>, as what is left of it. Each rejected parent's partial copy (of those
    /// already in <paramref name="malformed"/> too) gets every nested row in file order, <see langword="null"/> for one
    /// of which nothing is kept.
    /// </summary>
    public abstract void Link(IRecordSink sink, NestedChildren nested, List<MalformedRecord> malformed);

    /// <summary>Writes the snapshot's records of this table as the file in <paramref name="folder"/>.</summary>
    public abstract void Write(CaseloadSnapshot snapshot, string folder);
}
