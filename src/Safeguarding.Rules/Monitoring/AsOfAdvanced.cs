namespace Safeguarding.Rules.Monitoring;

/// <summary>
/// A new as-of date (a new day), on or after the current one: visits, briefings and dates recorded for later days start
/// to count, offenders registered by then are evaluated, and every time-based finding moves on.
/// </summary>
/// <param name="AsOf">The new as-of date.</param>
public sealed record AsOfAdvanced(DateOnly AsOf) : MonitorChange
{
    internal override void Check(MonitorState state, List<ChangeProblem> problems)
    {
        if (AsOf < state.AsOf)
        {
            problems.Add(new(ChangeChecks.AsOfRecord, null, "asOf", "is before the monitor's as-of date " + state.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "; the date only advances"));
        }
    }

    internal override void Apply(MonitorState state) => state.AdvanceAsOf(AsOf);
}
