namespace Safeguarding.Rules.Monitoring;

/// <summary>A monitored offender given to another manager, or left unallocated.</summary>
/// <param name="OffenderId">The offender's id.</param>
/// <param name="ManagerId">The new manager's id (a monitored manager), or <see langword="null"/> for unallocated.</param>
public sealed record OffenderReassigned(string OffenderId, string? ManagerId) : MonitorChange
{
    internal override void Check(MonitorState state, List<ChangeProblem> problems)
    {
        ChangeChecks.KnownOffender(state, OffenderId, ChangeChecks.OffenderRecord, "id", problems);
        ChangeChecks.ManagerReference(state, ManagerId, ChangeChecks.OffenderRecord, OffenderId, problems);
    }

    internal override void Apply(MonitorState state) => state.ReassignOffender(OffenderId, ManagerId);
}
