using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Monitoring;

/// <summary>A new offender record (its id not yet monitored); its manager, when given, must be monitored.</summary>
/// <param name="Offender">The record, as in a snapshot's <c>offenders</c> array.</param>
public sealed record OffenderAdded(Offender Offender) : MonitorChange
{
    internal override void Check(MonitorState state, List<ChangeProblem> problems)
    {
        if (ChangeChecks.OffenderFields(Offender, problems))
        {
            ChangeChecks.ManagerReference(state, Offender.ManagerId, ChangeChecks.OffenderRecord, Offender.Id, problems);
            if (state.HasOffender(Offender.Id))
            {
                problems.Add(new(ChangeChecks.OffenderRecord, Offender.Id, "id", "an offender with this id is already monitored"));
            }
        }
    }

    internal override void Apply(MonitorState state) => state.AddOffender(Offender);
}
