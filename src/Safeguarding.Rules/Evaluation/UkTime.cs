namespace Safeguarding.Rules.Evaluation;

/// <summary>
/// UK local time by the rule of contract section 6, applied to every year so results never depend on a machine's
/// time-zone data: UTC, except from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October,
/// when it is UTC+1 (British Summer Time, the rule in force since 1996).
/// </summary>
internal static class UkTime
{
    private static readonly TimeSpan SummerOffset = TimeSpan.FromHours(1);

    /// <summary>Today's date in the United Kingdom, from <paramref name="time"/>'s UTC clock.</summary>
    public static DateOnly Today(TimeProvider time) => LocalDate(time.GetUtcNow());

    /// <summary>UK local time's offset from UTC at <paramref name="instant"/>: zero, or one hour in British Summer Time.</summary>
    public static TimeSpan UtcOffset(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var year = utc.Year;

        // Summer time starts and ends at 01:00 UTC on a Sunday; it never spans the turn of a year.
        var starts = LastSunday(year, 3).ToDateTime(new TimeOnly(1, 0));
        var ends = LastSunday(year, 10).ToDateTime(new TimeOnly(1, 0));
        return utc >= starts && utc < ends ? SummerOffset : TimeSpan.Zero;
    }

    /// <summary>The UK local date at <paramref name="instant"/>.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime + UtcOffset(instant));

    /// <summary>
    /// The instant (with a zero offset) at which <paramref name="date"/> begins in the United Kingdom: 00:00 UK local time,
    /// which is 23:00 UTC the day before during summer time. The end of a day D is the start of the day after D.
    /// </summary>
    public static DateTimeOffset StartOfDay(DateOnly date)
    {
        // Local midnight is never in a clock change (they happen at 01:00 UTC), so it is in summer time exactly when
        // the date is after the last Sunday of March and no later than the last Sunday of October.
        var midnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var summer = date > LastSunday(date.Year, 3) && date <= LastSunday(date.Year, 10);
        return summer ? midnight - SummerOffset : midnight;
    }

    /// <summary>The last Sunday of <paramref name="month"/> in <paramref name="year"/>.</summary>
    private static DateOnly LastSunday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
