namespace Safeguarding.Rules.Monitoring;

/// <summary>A monitored override withdrawn: the finding it suppressed (or marked as lapsed) is reported as if it had never been made.</summary>
/// <param name="OverrideId">The override's id.</param>
public sealed record OverrideRemoved(string OverrideId) : MonitorChange
{
    internal override void Check(MonitorState state, List<ChangeProblem> problems)
    {
        if (string.IsNullOrEmpty(OverrideId))
        {
            problems.Add(new(ChangeChecks.OverrideRecord, null, "id", "must be a non-empty string"));
        }
        else if (!state.HasOverride(OverrideId))
        {
            problems.Add(new(ChangeChecks.OverrideRecord, OverrideId, "id", "names override " + OverrideId + ", which is not monitored"));
        }
    }

    internal override void Apply(MonitorState state) => state.RemoveOverride(OverrideId);
}
