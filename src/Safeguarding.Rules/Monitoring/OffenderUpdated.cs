using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Monitoring;

/// <summary>A monitored offender's record replaced by a new version (found by its id); a new <c>managerId</c> reassigns the offender.</summary>
/// <param name="Offender">The new version of the record; its visits and briefings are kept.</param>
public sealed record OffenderUpdated(Offender Offender) : MonitorChange
{
    internal override void Check(MonitorState state, List<ChangeProblem> problems)
    {
        if (ChangeChecks.OffenderFields(Offender, problems))
        {
            ChangeChecks.ManagerReference(state, Offender.ManagerId, ChangeChecks.OffenderRecord, Offender.Id, problems);
            ChangeChecks.KnownOffender(state, Offender.Id, ChangeChecks.OffenderRecord, "id", problems);
        }
    }

    internal override void Apply(MonitorState state) => state.UpdateOffender(Offender);
}
