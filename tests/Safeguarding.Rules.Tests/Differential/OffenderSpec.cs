using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Tests.Differential;

/// <summary>A generated offender before it has an id: dates as day offsets from the as-of date (negative = before it).</summary>
internal sealed record OffenderSpec(
    RiskLevel RiskLevel,
    int ManagerSlot,
    int? OwnInterval,
    bool InCustody,
    bool ReactiveManagement,
    int? MappaLevel,
    string? NeighbourhoodId,
    int Registered,
    int? Released,
    int? Assessed,
    int? Moved,
    VisitSpec[] Visits,
    BriefingSpec[] Briefings);
