using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Monitoring;

/// <summary>A new offender manager (its id not yet monitored), holding no offenders yet.</summary>
/// <param name="Manager">The record, as in a snapshot's <c>managers</c> array; when the snapshot listed <c>teams</c>, its team must be one of them.</param>
public sealed record ManagerAdded(Manager Manager) : MonitorChange
{
    internal override void Check(MonitorState state, List<ChangeProblem> problems)
    {
        if (Manager is null)
        {
            problems.Add(new(ChangeChecks.ManagerRecord, null, "manager", "is required"));
            return;
        }

        if (string.IsNullOrEmpty(Manager.Id))
        {
            problems.Add(new(ChangeChecks.ManagerRecord, null, "id", "must be a non-empty string"));
        }
        else if (state.HasManager(Manager.Id))
        {
            problems.Add(new(ChangeChecks.ManagerRecord, Manager.Id, "id", "a manager with this id is already monitored"));
        }

        ChangeChecks.TeamReference(state, Manager.TeamId, Manager.Id, problems);
    }

    internal override void Apply(MonitorState state) => state.AddManager(Manager);
}
