namespace Safeguarding.Rules.Cli.Output;

/// <summary>
/// Formula neutralisation for the findings CSV (OWASP, "CSV Injection"): a spreadsheet runs a cell that begins with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR as a formula, so such a cell gets a leading single quote and is
/// quoted. Whole numbers of our own numeric columns (<c>daysUntilDue</c> <c>-3</c>) are left as they are: a spreadsheet
/// reads them as numbers, and they cannot hold a formula. Never used for a snapshot CSV folder, which must round-trip.
/// </summary>
internal static class CsvCell
{
    /// <summary>Neutralises <paramref name="field"/>, a field already formatted as RFC 4180 writes it (quoted or not).</summary>
    /// <returns>The field, or, when its text begins with a formula character, <c>"'</c> + its text + <c>"</c>.</returns>
    public static string Neutralise(string field)
    {
        var quoted = field.StartsWith('"');
        var text = quoted ? field.AsSpan(1, field.Length - 2) : field.AsSpan();
        if (text.Length == 0 || text[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r') || IsWholeNumber(text))
        {
            return field;
        }

        // A quoted field already has its quotes doubled; an unquoted one has no quote to double.
        return string.Concat("\"'", text, "\"");
    }

    private static bool IsWholeNumber(ReadOnlySpan<char> text) =>
        text.Length > 1 && text[0] is ('-' or '+') && !text[1..].ContainsAnyExceptInRange('0', '9');
}
