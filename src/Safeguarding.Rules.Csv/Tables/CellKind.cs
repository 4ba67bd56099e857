namespace Safeguarding.Rules.Csv.Tables;

/// <summary>The JSON type of a column's property, which decides how its cells are read and written (contract section 9).</summary>
internal enum CellKind
{
    /// <summary>A JSON string: the cell as it is (an id <c>1</c> is the string "1").</summary>
    Text,

    /// <summary>A date string, <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary>A JSON boolean: exactly <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A JSON number that is a whole number (<c>30</c>, <c>30.0</c> and <c>3e1</c> as in the JSON).</summary>
    WholeNumber,

    /// <summary>
    /// A date-time string with an offset (contract section 6: <c>yyyy-MM-ddTHH:mm</c>, optional seconds and fraction,
    /// then <c>Z</c> or <c>+HH:mm</c> / <c>-HH:mm</c>), read by the JSON reader's own parser.
    /// </summary>
    Instant,

    /// <summary>A string from a fixed list of values (an enum), compared exactly.</summary>
    Choice,
}
