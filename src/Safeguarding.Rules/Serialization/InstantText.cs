using System.Globalization;

namespace Safeguarding.Rules.Serialization;

/// <summary>
/// Instants as contract section 6 writes them. Input: <c>yyyy-MM-ddTHH:mm</c>, optionally <c>:ss</c> and optionally
/// a <c>.</c> with 1-7 fraction digits, then <c>Z</c> or <c>+HH:mm</c> / <c>-HH:mm</c> (hours 00-23, minutes and
/// seconds 00-59); anything else is not an instant. The two options are independent, and as in ISO 8601's extended form
/// a fraction belongs to the lowest-order component written: of the second after <c>:ss</c>, of the minute without it
/// (<c>09:00.5</c> is <c>09:00:30</c>). Output: UTC as <c>yyyy-MM-ddTHH:mm:ssZ</c>, fractions truncated.
/// </summary>
internal static class InstantText
{
    /// <summary>What a field holding something else is told.</summary>
    public const string Expected = "must be a date-time with an offset, e.g. 2018-05-01T09:00:00+01:00 or 2018-05-01T08:00Z";

    /// <summary>Parses an instant written as the contract says; the result has a zero offset.</summary>
    /// <returns>Whether the text is an instant; <paramref name="problem"/> says why not.</returns>
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset instant, out string? problem)
    {
        instant = default;
        problem = Expected;
        if (text.Length < 17 || text[10] != 'T' || text[13] != ':' || !AsciiDigits.TryParseDate(text[..10], out var year, out var month, out var day)
            || !AsciiDigits.TryParse(text.Slice(11, 2), out var hour) || !AsciiDigits.TryParse(text.Slice(14, 2), out var minute))
        {
            return false;
        }

        var at = 16;
        var second = 0;
        long ticks = 0;
        var unit = TimeSpan.TicksPerMinute; // what a fraction here is a fraction of
        if (text[at] == ':')
        {
            if (text.Length < at + 3 || !AsciiDigits.TryParse(text.Slice(at + 1, 2), out second))
            {
                return false;
            }

            at += 3;
            unit = TimeSpan.TicksPerSecond;
        }

        if (at < text.Length && text[at] == '.')
        {
            var from = ++at;
            while (at < text.Length && text[at] is >= (byte)'0' and <= (byte)'9')
            {
                at++;
            }

            var digits = at - from;
            if (digits is < 1 or > 7 || !AsciiDigits.TryParse(text.Slice(from, digits), out var fraction))
            {
                return false;
            }

            // Exact: a unit is a whole number of 10^-7 of itself (a second is 10^7 ticks, a minute 6 x 10^8).
            long scale = 1;
            for (var i = 0; i < digits; i++)
            {
                scale *= 10;
            }

            ticks = fraction * (unit / scale);
        }

        var offsetMinutes = 0;
        if (at < text.Length && text[at] == 'Z' && at + 1 == text.Length)
        {
            // UTC.
        }
        else if (at + 6 == text.Length && text[at] is (byte)'+' or (byte)'-' && text[at + 3] == ':'
                 && AsciiDigits.TryParse(text.Slice(at + 1, 2), out var offsetHours) && AsciiDigits.TryParse(text.Slice(at + 4, 2), out var offsetMinute))
        {
            if (offsetHours > 23 || offsetMinute > 59)
            {
                return false;
            }

            offsetMinutes = ((offsetHours * 60) + offsetMinute) * (text[at] == '-' ? -1 : 1);
        }
        else
        {
            return false;
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            problem = "is not a real date-time: that day does not exist in the calendar";
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        var utcTicks = local.Ticks - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            problem = "is outside the calendar once its offset is applied (before 0001-01-01 or after 9999-12-31 in UTC)";
            return false;
        }

        instant = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        problem = null;
        return true;
    }

    /// <summary>Parses text (a scenario file's, a CSV cell's) as <see cref="TryParse(ReadOnlySpan{byte}, out DateTimeOffset, out string?)"/> does.</summary>
    public static bool TryParse(string text, out DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> bytes = stackalloc byte[64];
        if (text.Length > bytes.Length)
        {
            instant = default;
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > 127)
            {
                instant = default;
                return false;
            }

            bytes[i] = (byte)text[i];
        }

        return TryParse(bytes[..text.Length], out instant, out _);
    }

    /// <summary>The instant as the output writes it: UTC, <c>yyyy-MM-ddTHH:mm:ssZ</c>, fractions of a second truncated.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The instant truncated to the whole second, with a zero offset: what the output can say of it.</summary>
    public static DateTimeOffset ToOutput(DateTimeOffset instant)
    {
        var utc = instant.UtcTicks;
        return new DateTimeOffset(utc - (utc % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
