namespace Safeguarding.Rules;

/// <summary>Date arithmetic for policy deadlines on a calendar that ends on 9999-12-31.</summary>
internal static class PolicyCalendar
{
    /// <summary>
    /// <paramref name="date"/> plus <paramref name="days"/>, or <see langword="null"/> when that falls beyond the last
    /// date of the calendar (or before its first): such a deadline is never reached, so nothing is ever due or overdue
    /// by it. The contract sets only minimums, so any number of days is a valid policy.
    /// </summary>
    public static DateOnly? AddDays(DateOnly date, int days)
    {
        var day = (long)date.DayNumber + days;
        return day >= DateOnly.MinValue.DayNumber && day <= DateOnly.MaxValue.DayNumber ? DateOnly.FromDayNumber((int)day) : null;
    }
}
