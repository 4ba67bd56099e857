namespace Safeguarding.Rules.Monitoring;

/// <summary>A monitored offender removed, with its visits and briefings (a snapshot without them).</summary>
/// <param name="OffenderId">The offender's id.</param>
public sealed record OffenderRemoved(string OffenderId) : MonitorChange
{
    internal override void Check(MonitorState state, List<ChangeProblem> problems) =>
        ChangeChecks.KnownOffender(state, OffenderId, ChangeChecks.OffenderRecord, "id", problems);

    internal override void Apply(MonitorState state) => state.RemoveOffender(OffenderId);
}
