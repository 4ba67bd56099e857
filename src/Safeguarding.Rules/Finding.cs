using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules;

/// <summary>
/// One conclusion of the policy (contract section 5): what was found, which rule found it, the fields the
/// contract gives for its kind, and a plain-English reason built from identifiers, dates and numbers only.
/// Fields that do not apply to the kind are <see langword="null"/>.
/// </summary>
/// <remarks>
/// In a session, a built-in rule's finding is a fact linked to the rule's match (as <c>Then().Yield(...)</c> makes it),
/// so it disappears when the facts behind it do, and host rules can match it. The engine's own sessions, when no host
/// rule is loaded, collect findings beside the session instead, which is cheaper and gives the same report.
/// </remarks>
public sealed record Finding
{
    /// <summary>The finding kind (see <see cref="FindingKinds"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>The stable name of the rule that produced the finding.</summary>
    public required string Rule { get; init; }

    /// <summary>Why: plain English from identifiers, dates and numbers only.</summary>
    public required string Reason { get; init; }

    /// <summary>The offender concerned.</summary>
    public string? OffenderId { get; init; }

    /// <summary>The offender manager concerned.</summary>
    public string? ManagerId { get; init; }

    /// <summary>The team concerned.</summary>
    public string? TeamId { get; init; }

    /// <summary>The offender's risk level.</summary>
    public RiskLevel? RiskLevel { get; init; }

    /// <summary>When the visit or review was due.</summary>
    public DateOnly? DueOn { get; init; }

    /// <summary>Days between the due date and the as-of date (VisitOverdue).</summary>
    public int? DaysOverdue { get; init; }

    /// <summary>Days from the as-of date to the due date (VisitDueSoon).</summary>
    public int? DaysUntilDue { get; init; }

    /// <summary>Who the overdue visit goes to (VisitOverdue).</summary>
    public EscalationLevel? EscalateTo { get; init; }

    /// <summary>No-access visits since the latest completed visit (RepeatedNoAccess).</summary>
    public int? NoAccessVisits { get; init; }

    /// <summary>A manager's or a team's caseload.</summary>
    public int? Caseload { get; init; }

    /// <summary>A team's overdue visits (UnitBacklog).</summary>
    public int? OverdueVisits { get; init; }

    /// <summary>The neighbourhood not briefed (NeighbourhoodNotBriefed).</summary>
    public string? NeighbourhoodId { get; init; }

    /// <summary>The date from which the briefing was needed (NeighbourhoodNotBriefed).</summary>
    public DateOnly? Since { get; init; }

    /// <summary>The rejected record's index in <c>offenders</c> (DataQuality).</summary>
    public int? Index { get; init; }

    /// <summary>
    /// An identifier that stays the same for the same finding across evaluations:
    /// the kind and the subject (offender, manager, team or record index).
    /// </summary>
    public string Key => Kind switch
    {
        FindingKinds.UnitBacklog => $"{Kind}/{TeamId}",
        FindingKinds.CaseloadAboveTarget or FindingKinds.CaseloadCritical => $"{Kind}/{ManagerId}",
        FindingKinds.DataQuality => $"{Kind}/{Index}/{OffenderId}",
        _ => $"{Kind}/{OffenderId ?? ManagerId ?? TeamId}",
    };

    /// <summary>
    /// A hash of the finding's kind and subject only (equality still compares every field): findings are facts in the
    /// engine's working memory, and hashing the reason text on every insert would cost more than the rest of the finding.
    /// </summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(
        StringComparer.Ordinal.GetHashCode(Kind),
        OffenderId is null ? 0 : StringComparer.Ordinal.GetHashCode(OffenderId),
        ManagerId is null ? 0 : StringComparer.Ordinal.GetHashCode(ManagerId),
        TeamId is null ? 0 : StringComparer.Ordinal.GetHashCode(TeamId),
        Index);
}
