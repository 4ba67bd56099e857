using Safeguarding.Rules.Serialization;

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
/// For <see cref="CellKind.Text"/>, what the ids in the column name when it holds ids other records name (an offender's,
/// a manager's, a team's, ...): its cells are one string per distinct id from the folder's pool of that kind
/// (<c>IdPools</c>), as the JSON reader reads those ids. <see langword="null"/> for other text (a visit's own id), a
/// string of its own: pooling ids that are never repeated only grows the pool's table (measured: a fifth of a folder's
/// reading went to the pool when every text cell was pooled).
/// </param>
/// <param name="Declares">Whether the column is its record's own id (a team's, a manager's, an offender's), pooled as declared (<c>Utf8StringPool.GetDeclared</c>).</param>
internal sealed record CsvColumn(string Name, CellKind Kind, bool Required = false, string[]? Choices = null, string? Unknown = null, string? OutOfRange = null, IdKind? Pooled = null, bool Declares = false)
{
    public static CsvColumn Text(string name, bool required = false) => new(name, CellKind.Text, required);

    /// <summary>A text column holding an id of <paramref name="kind"/> that other records name; see <see cref="Pooled"/>.</summary>
    public static CsvColumn Id(string name, IdKind kind, bool required = false) => new(name, CellKind.Text, required, Pooled: kind);

    /// <summary>A text column holding its record's own id, of <paramref name="kind"/>, which other records name; see <see cref="Declares"/>.</summary>
    public static CsvColumn OwnId(string name, IdKind kind) => new(name, CellKind.Text, Required: true, Pooled: kind, Declares: true);

    public static CsvColumn Date(string name, bool required = false) => new(name, CellKind.Date, required);

    public static CsvColumn Boolean(string name, bool required = false) => new(name, CellKind.Boolean, required);

    public static CsvColumn Instant(string name, bool required = false) => new(name, CellKind.Instant, required);

    public static CsvColumn WholeNumber(string name, string? outOfRange = null) => new(name, CellKind.WholeNumber, OutOfRange: outOfRange);

    public static CsvColumn Choice<TEnum>(string name, string unknown, bool required = false)
        where TEnum : struct, Enum =>
        new(name, CellKind.Choice, required, Enum.GetNames<TEnum>(), unknown);
}
