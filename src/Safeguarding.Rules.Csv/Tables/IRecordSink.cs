namespace Safeguarding.Rules.Csv.Tables;

/// <summary>Collects the records one file's rows become.</summary>
internal interface IRecordSink
{
    /// <summary>Builds and keeps the record of a row with no problem.</summary>
    void Add(CsvRecord record);

    /// <summary>What could be read of a row with problems, for the checks across records; <see langword="null"/> for none.</summary>
    object? Partial(CsvRecord record);

    /// <summary>Makes room for about <paramref name="rows"/> records at once (a large file's, counted by its line feeds).</summary>
    void Expect(int rows);

    /// <summary>Adds the records <paramref name="rest"/> (a sink of the same table, for the rest of the file) kept, after this sink's.</summary>
    void Append(IRecordSink rest);
}
