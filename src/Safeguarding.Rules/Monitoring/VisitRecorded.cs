using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Monitoring;

/// <summary>A home visit recorded for a monitored offender (any date: one after the as-of date counts from that day on).</summary>
/// <param name="Visit">The visit, as in a snapshot's <c>visits</c> array.</param>
public sealed record VisitRecorded(Visit Visit) : MonitorChange
{
    internal override void Check(MonitorState state, List<ChangeProblem> problems)
    {
        if (Visit is null)
        {
            problems.Add(new(ChangeChecks.VisitRecord, null, "visit", "is required"));
            return;
        }

        ChangeChecks.KnownOffender(state, Visit.OffenderId, ChangeChecks.VisitRecord, "offenderId", problems);
        if (!Enum.IsDefined(Visit.Outcome))
        {
            problems.Add(new(ChangeChecks.VisitRecord, null, "outcome", "unknown value; expected Completed, NoAccess or Cancelled"));
        }
    }

    internal override void Apply(MonitorState state) => state.RecordVisit(Visit);
}
