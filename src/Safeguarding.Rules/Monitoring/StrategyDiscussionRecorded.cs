using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Monitoring;

/// <summary>
/// A strategy discussion recorded (contract section 6): a new one, or a monitored one (the same id) as it now stands,
/// e.g. with its outcome recorded or an action completed. Checked as the snapshot's <c>strategyDiscussions</c> array is
/// (its actions included); a discussion with any problem changes nothing.
/// </summary>
/// <param name="Discussion">The discussion, as in a snapshot's <c>strategyDiscussions</c> array, with all its actions.</param>
public sealed record StrategyDiscussionRecorded(StrategyDiscussion Discussion) : MonitorChange
{
    internal override void Check(MonitorState state, List<ChangeProblem> problems)
    {
        if (Discussion is null)
        {
            problems.Add(new(ChangeChecks.StrategyDiscussionRecord, null, "strategyDiscussion", "is required"));
            return;
        }

        ChangeChecks.AsInSnapshot(state, new CaseloadSnapshot { Teams = state.ListedTeams, StrategyDiscussions = [Discussion] }, ChangeChecks.StrategyDiscussionRecord, problems);
        ChangeChecks.NotRejected(state, SnapshotArrays.StrategyDiscussions, Discussion.Id, ChangeChecks.StrategyDiscussionRecord, problems);
    }

    internal override void Apply(MonitorState state) => state.RecordDiscussion(Discussion);
}
