using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Evaluation;

/// <summary>The per-offender aggregates computed in plain C#, from which each partition creates its offender facts.</summary>
internal sealed class OffenderInputs(
    IReadOnlyList<Offender> offenders,
    ManagerCase?[] managers,
    DateOnly?[] lastCompleted,
    int[] noAccess,
    DateOnly?[] latestBriefing,
    DateOnly asOf,
    SafeguardingPolicy policy)
{
    public OffenderCase Create(int index) =>
        new(offenders[index], managers[index], asOf, policy, new VisitHistory(lastCompleted[index], noAccess[index]), latestBriefing[index]);
}
