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
    /// The last day of the latest override that named this finding and ended before the as-of date, when no override naming
    /// it is active (contract section 8): the deferral has lapsed and the work is due now. <see langword="null"/> otherwise.
    /// </summary>
    public DateOnly? OverrideExpiredOn { get; init; }

    /// <summary>
    /// The finding's id (contract section 7): the kind, then the parts that identify its subject, joined by <c>:</c>,
    /// e.g. <c>VisitOverdue:RSO-000123</c>. It stays the same for the same finding across runs and policies; within
    /// one report it is unique. Computed from <see cref="Findings.FindingSchema"/> on each call.
    /// </summary>
    public string Id => Findings.FindingSchema.Of(Kind).IdOf(this);

    /// <summary>
    /// A hash of the finding's kind and subject only (equality still compares every field): findings are facts in the
    /// engine's working memory, and hashing the reason text on every insert would cost more than the rest of the finding.
    /// </summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Kind), Findings.FindingSchema.Of(Kind).SubjectHash(this));
}
