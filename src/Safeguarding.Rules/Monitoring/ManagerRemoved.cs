namespace Safeguarding.Rules.Monitoring;

/// <summary>
/// A monitored manager removed. Rejected while any offender record names the manager (in custody or not yet registered
/// included): in a snapshot, those offenders would be rejected (contract section 3). Reassign them first.
/// </summary>
/// <param name="ManagerId">The manager's id.</param>
public sealed record ManagerRemoved(string ManagerId) : MonitorChange
{
    internal override void Check(MonitorState state, List<ChangeProblem> problems)
    {
        if (ChangeChecks.KnownManager(state, ManagerId, problems) && state.OffendersOf(ManagerId) is var held and > 0)
        {
            problems.Add(new(ChangeChecks.ManagerRecord, ManagerId, "id", "the manager still holds " + held.ToString(System.Globalization.CultureInfo.InvariantCulture) + " offenders; reassign them first"));
        }
    }

    internal override void Apply(MonitorState state) => state.RemoveManager(ManagerId);
}
