using System.Runtime.CompilerServices;

namespace Safeguarding.Rules.Serialization;

/// <summary>Reads fixed-width runs of ASCII digits, as the date and instant parsers of the JSON reader need.</summary>
internal static class AsciiDigits
{
    /// <summary>
    /// Reads <c>yyyy-MM-dd</c> (ten bytes: digits, a hyphen at 4 and at 7) without a loop: a snapshot has several dates
    /// per record, and an instant starts with one. Whether the date exists in the calendar is the caller's check.
    /// </summary>
    [MethodImpl(PerRecord.Compiled)]
    public static bool TryParseDate(ReadOnlySpan<byte> text, out int year, out int month, out int day)
    {
        year = month = day = 0;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        // A byte below '0' wraps to a large number: one comparison per byte.
        uint y0 = text[0] - (uint)'0', y1 = text[1] - (uint)'0', y2 = text[2] - (uint)'0', y3 = text[3] - (uint)'0';
        uint m0 = text[5] - (uint)'0', m1 = text[6] - (uint)'0', d0 = text[8] - (uint)'0', d1 = text[9] - (uint)'0';
        if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9)
        {
            return false;
        }

        year = (int)((y0 * 1000) + (y1 * 100) + (y2 * 10) + y3);
        month = (int)((m0 * 10) + m1);
        day = (int)((d0 * 10) + d1);
        return true;
    }

    /// <summary>
    /// Reads a date as the contract writes one (<c>yyyy-MM-dd</c>, a day that exists), for the JSON and CSV readers alike.
    /// </summary>
    /// <returns>The problem with the text, as a field's problem, or <see langword="null"/> with <paramref name="date"/>.</returns>
    [MethodImpl(PerRecord.Compiled)]
    public static string? ReadDate(ReadOnlySpan<byte> text, out DateOnly date)
    {
        date = default;
        if (!TryParseDate(text, out var year, out var month, out var day))
        {
            return "must be a date in the form yyyy-MM-dd";
        }

        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return "is not a real date: that day does not exist in the calendar";
        }

        date = new DateOnly(year, month, day);
        return null;
    }

    /// <summary>The value of <paramref name="text"/> when every byte is an ASCII digit; <see langword="false"/> otherwise.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}
