using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Tests.Support;

/// <summary>
/// Copies of a snapshot with some arrays replaced (<see cref="CaseloadSnapshot"/> is a class, so it has no <c>with</c>).
/// Every other property is carried over, so a copy of a snapshot with child-protection records, overrides or an
/// extraction instant keeps them (<c>SnapshotCopyTests</c> fails when a new property is left out).
/// </summary>
internal static class SnapshotCopy
{
    public static CaseloadSnapshot With(this CaseloadSnapshot snapshot, IReadOnlyList<Offender>? offenders = null, IReadOnlyList<Visit>? visits = null, IReadOnlyList<Briefing>? briefings = null) => new()
    {
        SchemaVersion = snapshot.SchemaVersion,
        AsOf = snapshot.AsOf,
        ExtractedAt = snapshot.ExtractedAt,
        Teams = snapshot.Teams,
        Managers = snapshot.Managers,
        Offenders = offenders ?? snapshot.Offenders,
        Visits = visits ?? snapshot.Visits,
        Briefings = briefings ?? snapshot.Briefings,
        StrategyDiscussions = snapshot.StrategyDiscussions,
        Detentions = snapshot.Detentions,
        PoliceProtections = snapshot.PoliceProtections,
        Overrides = snapshot.Overrides,
    };
}
