using System.Buffers;
using System.Globalization;
using System.Text;

namespace Safeguarding.Rules.Cli.Output;

/// <summary>
/// Makes text from the input safe to show on a terminal or in a log: every control character is written as
/// <c>\uXXXX</c>, so an id cannot move the cursor, clear the screen, set the window title or start a line of its own.
/// </summary>
/// <remarks>
/// Escaped: C0 controls (U+0000-U+001F, including tab, CR and LF), DEL and the C1 controls (U+007F-U+009F), the
/// line and paragraph separators U+2028 and U+2029, and the bidirectional embedding, override and isolate marks
/// (U+202A-U+202E, U+2066-U+2069) that can make text read in another order than it is. A backslash is not escaped,
/// so an id that spells <c>\u001B</c> itself reads the same as an escaped ESC; the JSON output keeps them apart.
/// </remarks>
internal static class TerminalText
{
    /// <summary>The longest cell a text table shows; a longer one is cut and ends with an ellipsis.</summary>
    public const int MaxCellLength = 64;

    private const char Ellipsis = '\u2026';

    private static readonly SearchValues<char> Unsafe = SearchValues.Create(Characters());

    /// <summary>The text with every unsafe character written as <c>\uXXXX</c>; the same string when it has none.</summary>
    public static string Escape(string text)
    {
        var first = text.AsSpan().IndexOfAny(Unsafe);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (Unsafe.Contains(c))
            {
                escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    /// <summary>A table cell: escaped, and cut to <see cref="MaxCellLength"/> characters with an ellipsis when longer.</summary>
    public static string Cell(string text)
    {
        var escaped = Escape(text);
        if (escaped.Length <= MaxCellLength)
        {
            return escaped;
        }

        var keep = MaxCellLength - 1;
        if (char.IsHighSurrogate(escaped[keep - 1]))
        {
            keep--; // Never split a surrogate pair.
        }

        return string.Concat(escaped.AsSpan(0, keep), [Ellipsis]);
    }

    private static string Characters()
    {
        var characters = new StringBuilder();
        for (var c = '\u0000'; c <= '\u001F'; c++)
        {
            characters.Append(c);
        }

        for (var c = '\u007F'; c <= '\u009F'; c++)
        {
            characters.Append(c);
        }

        return characters.Append("\u2028\u2029\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069").ToString();
    }
}
