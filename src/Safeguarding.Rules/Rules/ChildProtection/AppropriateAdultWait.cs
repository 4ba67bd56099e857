namespace Safeguarding.Rules.ChildProtection;

/// <summary>
/// A detained juvenile's wait for an appropriate adult (PACE Code C): it ends at the earliest of the adult's arrival,
/// the release (each when not after T) and T.
/// </summary>
internal static class AppropriateAdultWait
{
    /// <summary>When the wait ended (or T, when it goes on). <paramref name="arrivedAt"/> and <paramref name="releasedAt"/> are already cut at T.</summary>
    public static DateTimeOffset End(DateTimeOffset? arrivedAt, DateTimeOffset? releasedAt, DateTimeOffset asOfInstant)
    {
        var end = asOfInstant;
        if (arrivedAt is { } arrived && arrived < end)
        {
            end = arrived;
        }

        if (releasedAt is { } released && released < end)
        {
            end = released;
        }

        return end;
    }

    /// <summary>Whether the juvenile is still waiting at T: neither the arrival nor the release is by T.</summary>
    public static bool IsAwaiting(DateTimeOffset? arrivedAt, DateTimeOffset? releasedAt) => arrivedAt is null && releasedAt is null;

    /// <summary>Whether the wait ended with the adult's arrival (by T and not after the release): the waits the outcome measure counts.</summary>
    public static bool EndedWithArrival(DateTimeOffset? arrivedAt, DateTimeOffset? releasedAt) =>
        arrivedAt is { } arrived && (releasedAt is not { } released || arrived <= released);

    /// <summary>Whether the wait is long enough to be a finding: more than the alert minutes.</summary>
    public static bool IsDelayed(int minutesWaited, int alertMinutes) => minutesWaited > alertMinutes;

    /// <summary>Who the delay goes to: the inspector beyond the inspector minutes, else the supervisor.</summary>
    public static EscalationLevel EscalateTo(int minutesWaited, int inspectorMinutes) =>
        minutesWaited > inspectorMinutes ? EscalationLevel.Inspector : EscalationLevel.Supervisor;
}
