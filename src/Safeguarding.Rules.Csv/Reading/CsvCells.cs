using System.Runtime.CompilerServices;
using System.Text.Json;
using Safeguarding.Rules.Csv.Tables;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Csv.Reading;

/// <summary>
/// Reads one cell as its column's JSON type (contract section 9), with the JSON reader's problem words where the
/// meaning is the same. Never quotes a cell's value in a problem.
/// </summary>
internal static class CsvCells
{
    /// <summary>The problem of a cell whose quotes break RFC 4180.</summary>
    public const string BadQuotes = "is not valid CSV: a quote may only open and close a quoted cell, and a quote inside one is written twice (\"\")";

    /// <summary>
    /// The cell's text from its raw form: a quoted cell loses its quotes and each doubled quote becomes one; nothing is trimmed.
    /// </summary>
    /// <returns>Whether the cell is valid RFC 4180; when not, <paramref name="text"/> is empty.</returns>
    public static bool TryUnquote(ReadOnlySpan<char> raw, out ReadOnlySpan<char> text)
    {
        if (raw.IsEmpty || raw[0] != '"')
        {
            text = raw;
            if (raw.Contains('"'))
            {
                text = default;
                return false;
            }

            return true;
        }

        if (raw.Length < 2 || raw[^1] != '"')
        {
            text = default;
            return false;
        }

        var inner = raw[1..^1];
        var quote = inner.IndexOf('"');
        if (quote < 0)
        {
            text = inner;
            return true;
        }

        var unescaped = new char[inner.Length];
        var length = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '"')
            {
                if (i + 1 >= inner.Length || inner[i + 1] != '"')
                {
                    text = default;
                    return false;
                }

                i++;
            }

            unescaped[length++] = inner[i];
        }

        text = unescaped.AsSpan(0, length);
        return true;
    }

    /// <summary>Types a non-empty cell into <paramref name="record"/> at <paramref name="column"/>.</summary>
    /// <returns>The problem, or <see langword="null"/> when the cell is a valid value.</returns>
    [MethodImpl(PerRecord.Compiled)]
    public static string? Read(ReadOnlySpan<char> text, CsvColumn definition, int column, CsvRecord record)
    {
        switch (definition.Kind)
        {
            case CellKind.Text:
                if (definition.Pooled is { } ids)
                {
                    record.SetPooledText(column, ids, text, definition.Declares);
                }
                else
                {
                    record.SetText(column, new string(text));
                }

                return null;
            case CellKind.Date:
                return ReadDate(text, column, record);
            case CellKind.Boolean:
                if (text.SequenceEqual("true"))
                {
                    record.SetBoolean(column, true);
                    return null;
                }

                if (text.SequenceEqual("false"))
                {
                    record.SetBoolean(column, false);
                    return null;
                }

                return "must be true or false";
            case CellKind.WholeNumber:
                return ReadWholeNumber(text, definition, column, record);
            case CellKind.Instant:
                return ReadInstant(text, column, record);
            default:
                var choices = definition.Choices!;
                for (var i = 0; i < choices.Length; i++)
                {
                    if (text.SequenceEqual(choices[i]))
                    {
                        record.SetNumber(column, i);
                        return null;
                    }
                }

                return definition.Unknown;
        }
    }

    [MethodImpl(PerRecord.Compiled)]
    private static string? ReadDate(ReadOnlySpan<char> text, int column, CsvRecord record)
    {
        // The JSON reader's date rule, over the cell's characters as bytes: a date is ten ASCII characters, so other text
        // is read as no text at all, which is no date either.
        Span<byte> ascii = stackalloc byte[10];
        Span<byte> bytes = text.Length == ascii.Length && System.Text.Ascii.FromUtf16(text, ascii, out _) == System.Buffers.OperationStatus.Done ? ascii : [];
        if (AsciiDigits.ReadDate(bytes, out var date) is { } problem)
        {
            return problem;
        }

        record.SetDate(column, date);
        return null;
    }

    /// <summary>A whole number written as in JSON (<c>30</c>, <c>30.0</c>, <c>3e1</c>), read by the JSON reader's own rules.</summary>
    [MethodImpl(PerRecord.Compiled)]
    private static string? ReadWholeNumber(ReadOnlySpan<char> text, CsvColumn definition, int column, CsvRecord record)
    {
        const string NotANumber = "must be a whole number";
        Span<byte> utf8 = stackalloc byte[64];
        if (text.Length > utf8.Length || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return NotANumber;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > 0x7F)
            {
                return NotANumber;
            }

            utf8[i] = (byte)text[i];
        }

        var json = new Utf8JsonReader(utf8[..text.Length], JsonInput.ReaderOptions);
        try
        {
            if (!json.Read() || json.TokenType != JsonTokenType.Number)
            {
                return NotANumber;
            }

            var value = JsonInput.ReadWholeNumber(ref json, out var problem, definition.OutOfRange);
            if (json.Read())
            {
                return NotANumber;
            }

            if (problem is not null)
            {
                return problem;
            }

            record.SetNumber(column, value!.Value);
            return null;
        }
        catch (JsonException)
        {
            return NotANumber;
        }
    }

    /// <summary>An instant (contract section 6), parsed by the JSON reader's own parser so both accept exactly the same text.</summary>
    private static string? ReadInstant(ReadOnlySpan<char> text, int column, CsvRecord record)
    {
        // Over the cell's characters as bytes, as ReadDate: text longer than any instant, or not ASCII, is none.
        Span<byte> ascii = stackalloc byte[64];
        if (text.Length > ascii.Length || System.Text.Ascii.FromUtf16(text, ascii, out _) != System.Buffers.OperationStatus.Done)
        {
            return InstantText.Expected;
        }

        if (!InstantText.TryParse(ascii[..text.Length], out var instant, out var problem))
        {
            return problem;
        }

        record.SetInstant(column, instant);
        return null;
    }
}
