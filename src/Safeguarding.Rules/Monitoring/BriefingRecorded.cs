using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Monitoring;

/// <summary>A neighbourhood briefing recorded about a monitored offender.</summary>
/// <param name="Briefing">The briefing, as in a snapshot's <c>briefings</c> array.</param>
public sealed record BriefingRecorded(Briefing Briefing) : MonitorChange
{
    internal override void Check(MonitorState state, List<ChangeProblem> problems)
    {
        if (Briefing is null)
        {
            problems.Add(new(ChangeChecks.BriefingRecord, null, "briefing", "is required"));
            return;
        }

        ChangeChecks.KnownOffender(state, Briefing.OffenderId, ChangeChecks.BriefingRecord, "offenderId", problems);
        if (string.IsNullOrEmpty(Briefing.NeighbourhoodId))
        {
            problems.Add(new(ChangeChecks.BriefingRecord, null, "neighbourhoodId", "must be a non-empty string"));
        }
    }

    internal override void Apply(MonitorState state) => state.RecordBriefing(Briefing);
}
