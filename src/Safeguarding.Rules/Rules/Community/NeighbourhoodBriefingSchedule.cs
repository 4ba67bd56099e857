namespace Safeguarding.Rules.Community;

/// <summary>When a neighbourhood team must have been briefed (contract section 2, Community).</summary>
internal static class NeighbourhoodBriefingSchedule
{
    /// <summary>The date from which the team must be briefed: the move-in date when known, else the start of the period in the community.</summary>
    public static DateOnly ReferenceDate(DateOnly? movedIntoNeighbourhoodOn, DateOnly start) => movedIntoNeighbourhoodOn ?? start;

    /// <summary>
    /// Not briefed: more than the briefing days have passed since the reference date, and no briefing to that
    /// neighbourhood's team is dated on or after it.
    /// </summary>
    public static bool IsNotBriefed(DateOnly asOf, DateOnly referenceDate, DateOnly? latestBriefing, int briefingDays) =>
        (long)asOf.DayNumber - referenceDate.DayNumber > briefingDays
        && !(latestBriefing >= referenceDate);
}
