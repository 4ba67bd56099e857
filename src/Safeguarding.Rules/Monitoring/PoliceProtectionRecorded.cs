using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Monitoring;

/// <summary>
/// A police protection recorded (contract section 6): a new one, or a monitored one (the same id) as it now stands, e.g.
/// with the local authority informed or the protection ended. Checked as the snapshot's <c>policeProtections</c> array is;
/// a protection with any problem changes nothing.
/// </summary>
/// <param name="Protection">The protection, as in a snapshot's <c>policeProtections</c> array.</param>
public sealed record PoliceProtectionRecorded(PoliceProtection Protection) : MonitorChange
{
    internal override void Check(MonitorState state, List<ChangeProblem> problems)
    {
        if (Protection is null)
        {
            problems.Add(new(ChangeChecks.PoliceProtectionRecord, null, "policeProtection", "is required"));
            return;
        }

        ChangeChecks.AsInSnapshot(state, new CaseloadSnapshot { Teams = state.ListedTeams, PoliceProtections = [Protection] }, ChangeChecks.PoliceProtectionRecord, problems);
        ChangeChecks.NotRejected(state, SnapshotArrays.PoliceProtections, Protection.Id, ChangeChecks.PoliceProtectionRecord, problems);
    }

    internal override void Apply(MonitorState state) => state.RecordProtection(Protection);
}
