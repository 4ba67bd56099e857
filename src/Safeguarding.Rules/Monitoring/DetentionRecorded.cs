using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Monitoring;

/// <summary>
/// A detention recorded (contract section 6): a new one, or a monitored one (the same id) as it now stands, e.g. with the
/// appropriate adult's arrival, the release or an interview recorded. Checked as the snapshot's <c>detentions</c> array is
/// (its interviews included); a detention with any problem changes nothing.
/// </summary>
/// <param name="Detention">The detention, as in a snapshot's <c>detentions</c> array, with all its interviews.</param>
public sealed record DetentionRecorded(Detention Detention) : MonitorChange
{
    internal override void Check(MonitorState state, List<ChangeProblem> problems)
    {
        if (Detention is null)
        {
            problems.Add(new(ChangeChecks.DetentionRecord, null, "detention", "is required"));
            return;
        }

        ChangeChecks.AsInSnapshot(state, new CaseloadSnapshot { Teams = state.ListedTeams, Detentions = [Detention] }, ChangeChecks.DetentionRecord, problems);
        ChangeChecks.NotRejected(state, SnapshotArrays.Detentions, Detention.Id, ChangeChecks.DetentionRecord, problems);
    }

    internal override void Apply(MonitorState state) => state.RecordDetention(Detention);
}
