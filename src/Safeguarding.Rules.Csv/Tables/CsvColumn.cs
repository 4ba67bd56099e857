namespace Safeguarding.Rules.Csv.Tables;

/// <summary>
/// One column of a CSV file: the JSON property it holds, that property's type, and whether a row must give it.
/// </summary>
/// <param name="Name">The header name, exactly the JSON property name.</param>
/// <param name="Kind">The property's JSON type.</param>
/// <param name="Required">Whether the property is required: the header must have the column and each row a value.</param>
/// <param name="Choices">For <see cref="CellKind.Choice"/>, the values allowed, in the enum's order.</param>
/// <param name="Unknown">For <see cref="CellKind.Choice"/>, the problem for any other value (the JSON reader's words).</param>
/// <param name="OutOfRange">For <see cref="CellKind.WholeNumber"/>, the problem for a number beyond any integer (the JSON reader's words).</param>
/// <param name="Pooled">
/// For <see cref="CellKind.Text"/>, whether the column holds an id other records name (an offender's, a manager's, a
/// team's, ...): its cells are one string per distinct id from the folder's pool (<c>Utf8StringPool</c>), as the JSON
/// reader reads those ids. Other text (a visit's own id) is a string of its own: pooling ids that are never repeated
/// only grows the pool's table (measured: a fifth of a folder's reading went to the pool when every text cell was pooled).
/// </param>
internal sealed record CsvColumn(string Name, CellKind Kind, bool Required = false, string[]? Choices = null, string? Unknown = null, string? OutOfRange = null, bool Pooled = false)
{
    public static CsvColumn Text(string name, bool required = false) => new(name, CellKind.Text, required);

    /// <summary>A text column holding an id that other records name; see <see cref="Pooled"/>.</summary>
    public static CsvColumn Id(string name, bool required = false) => new(name, CellKind.Text, required, Pooled: true);

    public static CsvColumn Date(string name, bool required = false) => new(name, CellKind.Date, required);

    public static CsvColumn Boolean(string name, bool required = false) => new(name, CellKind.Boolean, required);

    public static CsvColumn Instant(string name, bool required = false) => new(name, CellKind.Instant, required);

    public static CsvColumn WholeNumber(string name, string? outOfRange = null) => new(name, CellKind.WholeNumber, OutOfRange: outOfRange);

    public static CsvColumn Choice<TEnum>(string name, string unknown, bool required = false)
        where TEnum : struct, Enum =>
        new(name, CellKind.Choice, required, Enum.GetNames<TEnum>(), unknown);
}
