using System.Runtime.CompilerServices;

namespace Safeguarding.Rules.Csv.Tables;

/// <summary>The records of one file, typed.</summary>
/// <typeparam name="T">The record type.</typeparam>
internal sealed class RecordSink<T>(RecordTable<T> table) : IRecordSink
    where T : class
{
    public List<T> Records { get; } = [];

    /// <summary>Each record's 0-based data row, by its position in <see cref="Records"/> (a run while no row is rejected).</summary>
    public Reading.RunOfInts Indexes { get; } = new();

    [MethodImpl(PerRecord.Compiled)]
    public void Add(CsvRecord record)
    {
        Records.Add(table.Build(record));
        Indexes.Add(record.Index);
    }

    public object? Partial(CsvRecord record) => table.Partial?.Invoke(record);

    public void Expect(int rows) => Records.EnsureCapacity(rows);

    public void Append(IRecordSink rest)
    {
        var records = (RecordSink<T>)rest;
        Records.AddRange(records.Records);
        Indexes.AddRange(records.Indexes);
    }
}
