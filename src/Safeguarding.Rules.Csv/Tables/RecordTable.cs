using Safeguarding.Rules.Csv.Writing;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Csv.Tables;

/// <summary>A file whose rows are records of type <typeparamref name="T"/>, with how to build, keep and write them.</summary>
/// <typeparam name="T">The record type.</typeparam>
internal sealed class RecordTable<T> : CsvTable
    where T : class
{
    private readonly Func<T, string?>[] _cells;

    public RecordTable(string fileName, string? array, IReadOnlyList<(CsvColumn Column, Func<T, string?> Cell)> columns)
        : base(fileName, array, columns.Select(static c => c.Column).ToArray())
    {
        _cells = columns.Select(static c => c.Cell).ToArray();
    }

    /// <summary>Builds the record of a row with no problem (every required value present), with its index.</summary>
    public required Func<CsvRecord, T> Build { get; init; }

    /// <summary>
    /// Builds what could be read of a row with problems, with placeholders for the rest, so the checks across records
    /// (references, duplicates) still see it, as the JSON reader's partial records are; <see langword="null"/> to keep none.
    /// </summary>
    public Func<CsvRecord, T?>? Partial { get; init; }

    /// <summary>
    /// For a parent of nested records, what is left of a well-formed parent rejected for a problem in one of its nested
    /// rows: what the JSON reader keeps of a malformed record, for the checks across records.
    /// </summary>
    public Func<T, T>? Demote { get; init; }

    /// <summary>
    /// For a parent of nested records, the parent with the nested records of the given data row attached, as
    /// <see cref="NestedChildren.Of{TChild}"/> gives them (in file order); for a rejected parent's partial copy, a nested
    /// row that could not be read whole is a <see langword="null"/> placeholder there.
    /// </summary>
    public Func<T, NestedChildren, int, T>? WithChildren { get; init; }

    /// <summary>The snapshot's records of this table, for the writer; <see langword="null"/> when the snapshot has no such list.</summary>
    public required Func<CaseloadSnapshot, IReadOnlyList<T>?> Records { get; init; }

    /// <inheritdoc/>
    public override IRecordSink CreateSink() => new RecordSink<T>(this);

    /// <inheritdoc/>
    public override object Construct(CsvRecord record) => Build(record);

    /// <inheritdoc/>
    public override void Link(IRecordSink sink, NestedChildren nested, List<MalformedRecord> malformed)
    {
        // The partial copies of the parent rows rejected for a problem of their own get what was read of their nested rows,
        // for the checks left (contract section 3).
        for (var m = 0; m < malformed.Count; m++)
        {
            if (malformed[m] is { Partial: T partial } record && record.Array == Array && nested.CountOf(record.Index) > 0)
            {
                malformed[m] = record with { Partial = WithChildren!(partial, nested, record.Index) };
            }
        }

        var records = ((RecordSink<T>)sink).Records;
        var indexes = ((RecordSink<T>)sink).Indexes;
        var kept = 0;
        for (var i = 0; i < records.Count; i++)
        {
            var index = indexes[i];
            var count = nested.CountOf(index);
            if (nested.IsRejected(index))
            {
                var demoted = Demote!(records[i]);
                if (count > 0)
                {
                    demoted = WithChildren!(demoted, nested, index);
                }

                malformed.Add(new(Array!, index, IdColumn >= 0 ? IdOf(records[i]) : null, demoted));
                continue;
            }

            indexes[kept] = index;
            records[kept++] = count > 0 ? WithChildren!(records[i], nested, index) : records[i];
        }

        records.RemoveRange(kept, records.Count - kept);
        indexes.Truncate(kept);
    }

    /// <summary>The record's id as the writer writes it (the <c>id</c> column's cell).</summary>
    private string? IdOf(T record) => _cells[IdColumn](record);

    /// <inheritdoc/>
    public override void Write(CaseloadSnapshot snapshot, string folder) => CsvFolderWriter.Write(this, snapshot, folder);

    /// <summary>The cell the writer writes for <paramref name="record"/> in <paramref name="column"/>; <see langword="null"/> for an absent value.</summary>
    public string? Cell(T record, int column) => _cells[column](record);
}
