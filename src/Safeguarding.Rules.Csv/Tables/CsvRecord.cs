using System.Runtime.CompilerServices;
using Safeguarding.Rules.Csv.Reading;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Csv.Tables;

/// <summary>
/// The typed cells of one row, by the position of their column in the table (not in the file); an absent cell
/// (empty, a missing column, or one that could not be read) has no value. One instance is reused row after row.
/// </summary>
internal sealed class CsvRecord
{
    private readonly string?[] _text;
    private readonly DateOnly?[] _dates;
    private readonly bool?[] _flags;
    private readonly int?[] _numbers;
    private readonly DateTimeOffset?[] _instants;

    private readonly CsvIds _ids;
    private readonly int[] _sharedAt;
    private readonly int[] _ownAt;

    /// <param name="columns">The table's columns.</param>
    /// <param name="ids">Where the file's ids come from: an id named in several files (a visit's offender) is one string.</param>
    public CsvRecord(int columns, CsvIds ids)
    {
        _ids = ids;
        _sharedAt = new int[columns];
        _ownAt = new int[columns];
        _text = new string?[columns];
        _dates = new DateOnly?[columns];
        _flags = new bool?[columns];
        _numbers = new int?[columns];
        _instants = new DateTimeOffset?[columns];
    }

    /// <summary>The row's 0-based index among the file's data rows (the record's index in the JSON array).</summary>
    public int Index { get; set; }

    public string? Text(int column) => _text[column];

    public DateOnly? Date(int column) => _dates[column];

    public bool? Boolean(int column) => _flags[column];

    public int? WholeNumber(int column) => _numbers[column];

    public DateTimeOffset? Instant(int column) => _instants[column];

    /// <summary>The position of the value in the column's <see cref="CsvColumn.Choices"/>, as the enum value (the snapshot's enums are <see langword="int"/> based, valued 0, 1, 2, ... in that order).</summary>
    public TEnum? Choice<TEnum>(int column)
        where TEnum : struct, Enum =>
        _numbers[column] is { } value ? Unsafe.As<int, TEnum>(ref value) : null;

    public void Clear()
    {
        Array.Clear(_text);
        Array.Clear(_dates);
        Array.Clear(_flags);
        Array.Clear(_numbers);
        Array.Clear(_instants);
    }

    public void SetText(int column, string value) => _text[column] = value;

    /// <summary>
    /// Sets the text cell at <paramref name="column"/> to the pooled string for <paramref name="text"/>, an id of
    /// <paramref name="kind"/> (see <see cref="CsvIds"/>); <paramref name="declares"/> when the cell is its record's
    /// own id (see <see cref="CsvColumn.Declares"/>).
    /// </summary>
    [MethodImpl(PerRecord.Compiled)]
    public void SetPooledText(int column, IdKind kind, ReadOnlySpan<char> text, bool declares) => _text[column] = _ids.Get(kind, text, declares, ref _sharedAt[column], ref _ownAt[column]);

    public void SetDate(int column, DateOnly value) => _dates[column] = value;

    public void SetBoolean(int column, bool value) => _flags[column] = value;

    public void SetNumber(int column, int value) => _numbers[column] = value;

    public void SetInstant(int column, DateTimeOffset value) => _instants[column] = value;
}
