namespace Safeguarding.Rules.ChildProtection;

/// <summary>Working days (contract section 6): Monday to Friday, except the policy's non-working days.</summary>
internal static class WorkingDays
{
    /// <summary>Whether <paramref name="date"/> is a working day.</summary>
    public static bool IsWorkingDay(DateOnly date, IReadOnlySet<DateOnly> nonWorkingDays) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !nonWorkingDays.Contains(date);

    /// <summary>
    /// "N working days after X": the <paramref name="days"/>th working day strictly after <paramref name="date"/>;
    /// <see langword="null"/> when it would be after 9999-12-31 (a deadline beyond the calendar is never reached).
    /// </summary>
    public static DateOnly? After(DateOnly date, int days, IReadOnlySet<DateOnly> nonWorkingDays)
    {
        var day = date;
        var counted = 0;
        while (counted < days)
        {
            if (day == DateOnly.MaxValue)
            {
                return null;
            }

            day = day.AddDays(1);
            if (IsWorkingDay(day, nonWorkingDays))
            {
                counted++;
            }
        }

        return day;
    }
}
