namespace Safeguarding.Rules.ChildProtection;

/// <summary>Police protection under section 46 of the Children Act 1989: how long it has lasted, and how soon the local authority was told.</summary>
internal static class PoliceProtectionClock
{
    /// <summary>Minutes in protection: to the end when it is by T (<paramref name="endedAt"/> is already cut at T), else to T.</summary>
    public static int MinutesInProtection(DateTimeOffset startedAt, DateTimeOffset? endedAt, DateTimeOffset asOfInstant) =>
        Elapsed.Minutes(startedAt, endedAt ?? asOfInstant);

    /// <summary>Whether the protection lasted more than the maximum hours, compared in minutes.</summary>
    public static bool IsExceeded(int minutesInProtection, int maxHours) => minutesInProtection > (long)maxHours * 60;

    /// <summary>
    /// Minutes to inform the local authority: to the notification when it is by T (<paramref name="informedAt"/> is already
    /// cut at T), else to T, even when the protection has ended: the duty remains.
    /// </summary>
    public static int MinutesToInform(DateTimeOffset startedAt, DateTimeOffset? informedAt, DateTimeOffset asOfInstant) =>
        Elapsed.Minutes(startedAt, informedAt ?? asOfInstant);

    /// <summary>Whether the local authority was told late, or not yet when it should have been: more than the policy's minutes.</summary>
    public static bool IsInformedLate(int minutesToInform, int limitMinutes) => minutesToInform > limitMinutes;
}
