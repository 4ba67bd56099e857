namespace Safeguarding.Rules.Monitoring;

/// <summary>A monitored manager moved to another team, or to none; the manager's offenders move with them.</summary>
/// <param name="ManagerId">The manager's id.</param>
/// <param name="TeamId">The new team (when the snapshot listed <c>teams</c>, one of them), or <see langword="null"/> for none.</param>
public sealed record ManagerMoved(string ManagerId, string? TeamId) : MonitorChange
{
    internal override void Check(MonitorState state, List<ChangeProblem> problems)
    {
        ChangeChecks.KnownManager(state, ManagerId, problems);
        ChangeChecks.TeamReference(state, TeamId, ManagerId, problems);
    }

    internal override void Apply(MonitorState state) => state.MoveManager(ManagerId, TeamId);
}
