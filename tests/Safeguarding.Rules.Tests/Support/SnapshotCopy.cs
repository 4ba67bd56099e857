using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Tests.Support;

/// <summary>Copies of a snapshot with some arrays replaced (<see cref="CaseloadSnapshot"/> is a class, so it has no <c>with</c>).</summary>
internal static class SnapshotCopy
{
    public static CaseloadSnapshot With(this CaseloadSnapshot snapshot, IReadOnlyList<Offender>? offenders = null, IReadOnlyList<Visit>? visits = null, IReadOnlyList<Briefing>? briefings = null) => new()
    {
        SchemaVersion = snapshot.SchemaVersion,
        AsOf = snapshot.AsOf,
        Teams = snapshot.Teams,
        Managers = snapshot.Managers,
        Offenders = offenders ?? snapshot.Offenders,
        Visits = visits ?? snapshot.Visits,
        Briefings = briefings ?? snapshot.Briefings,
    };
}
