namespace Safeguarding.Rules.Evaluation;

/// <summary>
/// What the section 6 outcome measures need: the discussions measured and those with an outcome on time, and the
/// juveniles' waits that ended with the appropriate adult's arrival.
/// </summary>
internal sealed record ChildProtectionOutcomes(int DiscussionsMeasured, int OutcomesOnTime, int[] WaitsEndedByArrival)
{
    public static ChildProtectionOutcomes None { get; } = new(0, 0, []);
}
