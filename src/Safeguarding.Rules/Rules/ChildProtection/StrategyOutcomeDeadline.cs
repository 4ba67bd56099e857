namespace Safeguarding.Rules.ChildProtection;

/// <summary>When a strategy discussion's outcome must be recorded, and whether it was.</summary>
internal static class StrategyOutcomeDeadline
{
    /// <summary>The due date: the policy's number of working days after the discussion; <see langword="null"/> beyond the calendar.</summary>
    public static DateOnly? DueOn(DateOnly heldOn, int workingDays, IReadOnlySet<DateOnly> nonWorkingDays) =>
        WorkingDays.After(heldOn, workingDays, nonWorkingDays);

    /// <summary>
    /// Whether the outcome is not recorded in time: not recorded by D (<paramref name="recordedOn"/> is already cut at D)
    /// and D after the due date.
    /// </summary>
    public static bool IsNotRecorded(DateOnly? recordedOn, DateOnly? dueOn, DateOnly asOf) =>
        recordedOn is null && dueOn is { } due && asOf > due;

    /// <summary>Whether a discussion counts toward the on-time outcome measure: its due date is before D.</summary>
    public static bool IsMeasured(DateOnly? dueOn, DateOnly asOf) => dueOn is { } due && due < asOf;

    /// <summary>Whether its outcome was recorded on or before the due date.</summary>
    public static bool IsOnTime(DateOnly? recordedOn, DateOnly? dueOn) => recordedOn is { } recorded && dueOn is { } due && recorded <= due;
}
