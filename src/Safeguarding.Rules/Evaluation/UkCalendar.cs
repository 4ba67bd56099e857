namespace Safeguarding.Rules.Evaluation;

/// <summary>Today's date in the United Kingdom, from a <see cref="TimeProvider"/>.</summary>
internal static class UkCalendar
{
    private static readonly TimeZoneInfo London = FindLondon();

    public static DateOnly Today(TimeProvider time)
    {
        var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), London);
        return DateOnly.FromDateTime(now.DateTime);
    }

    private static TimeZoneInfo FindLondon()
    {
        foreach (var id in new[] { "Europe/London", "GMT Standard Time" })
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                return zone;
            }
        }

        // No time-zone data on the machine: the UK is on UTC for most of the year.
        return TimeZoneInfo.Utc;
    }
}
