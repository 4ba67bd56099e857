using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Monitoring;

/// <summary>
/// An override recorded (contract section 8): from then on it suppresses the finding it names while active, and marks it
/// with <c>overrideExpiredOn</c> once it has ended. Checked as the snapshot's <c>overrides</c> array is, under the
/// monitor's policy (its <c>overrides.kinds</c> and <c>overrides.maxDays</c>); its id must not be a monitored override's.
/// </summary>
/// <param name="Override">The override, as in a snapshot's <c>overrides</c> array; it comes after every monitored override in snapshot order.</param>
public sealed record OverrideAdded(Override Override) : MonitorChange
{
    internal override void Check(MonitorState state, List<ChangeProblem> problems)
    {
        if (Override is null)
        {
            problems.Add(new(ChangeChecks.OverrideRecord, null, "override", "is required"));
            return;
        }

        ChangeChecks.AsInSnapshot(state, new CaseloadSnapshot { Overrides = [Override] }, ChangeChecks.OverrideRecord, problems);
        if (!string.IsNullOrEmpty(Override.Id) && state.HasOverride(Override.Id))
        {
            problems.Add(new(ChangeChecks.OverrideRecord, Override.Id, "id", "duplicate id: override " + Override.Id + " is already monitored"));
        }
    }

    internal override void Apply(MonitorState state) => state.AddOverride(Override);
}
