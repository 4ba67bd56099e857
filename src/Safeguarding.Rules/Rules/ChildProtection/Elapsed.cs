using System.Globalization;
using System.Text;

namespace Safeguarding.Rules.ChildProtection;

/// <summary>Time elapsed between two instants (contract section 6): whole minutes or hours, as absolute instants, and how reasons say it.</summary>
internal static class Elapsed
{
    /// <summary>The whole minutes from <paramref name="from"/> to <paramref name="to"/> (floor), at most <see cref="int.MaxValue"/>.</summary>
    public static int Minutes(DateTimeOffset from, DateTimeOffset to)
    {
        var ticks = to.UtcTicks - from.UtcTicks;
        var minutes = ticks >= 0 ? ticks / TimeSpan.TicksPerMinute : -((-ticks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute);
        return (int)Math.Clamp(minutes, int.MinValue, int.MaxValue);
    }

    /// <summary>Whole hours in <paramref name="minutes"/> whole minutes.</summary>
    public static int Hours(int minutes) => minutes / 60;

    /// <summary>A duration as reasons write it: <c>4 h 25 min</c>, <c>2 h</c>, <c>45 min</c>.</summary>
    public static string Text(int minutes)
    {
        var hours = minutes / 60;
        var rest = minutes % 60;
        var text = new StringBuilder();
        if (hours > 0)
        {
            text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append(" h");
        }

        if (rest > 0 || hours == 0)
        {
            text.Append(hours > 0 ? " " : string.Empty).Append(rest.ToString(CultureInfo.InvariantCulture)).Append(" min");
        }

        return text.ToString();
    }

    /// <summary>An instant as reasons write it: UTC, <c>2018-04-30 20:15 UTC</c>.</summary>
    public static string At(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
