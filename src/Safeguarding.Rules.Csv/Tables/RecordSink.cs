namespace Safeguarding.Rules.Csv.Tables;

/// <summary>The records of one file, typed.</summary>
/// <typeparam name="T">The record type.</typeparam>
internal sealed class RecordSink<T>(RecordTable<T> table) : IRecordSink
    where T : class
{
    public List<T> Records { get; } = [];

    public void Add(CsvRecord record) => Records.Add(table.Build(record));

    public object? Partial(CsvRecord record) => table.Partial?.Invoke(record);
}
