using System.Runtime.CompilerServices;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Facts;

/// <summary>
/// The working fact for one evaluated offender: the snapshot's record as of the evaluation date,
/// with the per-offender aggregates that rules need already computed (latest completed visit, no-access count,
/// latest briefing), so that no rule has to join offenders with their visits, and the policy's dates for the
/// offender cached, each computed by its policy's own function beside the rules (<c>Rules/Visits/VisitSchedule</c>,
/// <c>Rules/Community</c>).
/// </summary>
/// <remarks>
/// Records dated after <see cref="AsOf"/> are already left out: a visit, briefing, assessment, release or move
/// after that date does not exist here. Offenders not yet registered on <see cref="AsOf"/> get no fact.
/// </remarks>
public sealed class OffenderCase
{
    private readonly int _hash = FactHash.Next();

    internal OffenderCase(Offender offender, ManagerCase? manager, DateOnly asOf, PolicyView policy)
    {
        Policy = policy;
        SetRecord(offender, manager, asOf);
    }

    /// <summary>The offender's identifier.</summary>
    public string Id { get; private set; }

    /// <summary>The offender's manager, or <see langword="null"/> when unallocated.</summary>
    public ManagerCase? Manager { get; private set; }

    /// <summary>The manager's identifier, or <see langword="null"/> when unallocated.</summary>
    public string? ManagerId => Manager?.Id;

    /// <summary>The manager's team, when the manager has one.</summary>
    public string? TeamId => Manager?.TeamId;

    /// <summary>The neighbourhood the offender lives in, when known.</summary>
    public string? NeighbourhoodId { get; private set; }

    /// <summary>The risk level.</summary>
    public RiskLevel RiskLevel { get; private set; }

    /// <summary>The registration date (on or before <see cref="AsOf"/>).</summary>
    public DateOnly RegisteredOn { get; private set; }

    /// <summary>The latest risk assessment on or before <see cref="AsOf"/>.</summary>
    public DateOnly? RiskAssessedOn { get; private set; }

    /// <summary>The latest release on or before <see cref="AsOf"/>.</summary>
    public DateOnly? ReleasedOn { get; private set; }

    /// <summary>The date the offender moved into the neighbourhood, when on or before <see cref="AsOf"/>.</summary>
    public DateOnly? MovedIntoNeighbourhoodOn { get; private set; }

    /// <summary>Whether the offender is in custody.</summary>
    public bool InCustody { get; private set; }

    /// <summary>Whether reactive management is recorded.</summary>
    public bool ReactiveManagement { get; private set; }

    /// <summary>The evaluation date.</summary>
    public DateOnly AsOf { get; private set; }

    /// <summary>The policy in force for this evaluation, read-only.</summary>
    public PolicyView Policy { get; }

    /// <summary>Whether home visits are required: not in custody, and not under reactive management at Low risk.</summary>
    public bool NeedsVisits { get; internal set; }

    /// <summary>The later of registration and release: the start of the current period in the community.</summary>
    public DateOnly Start { get; internal set; }

    /// <summary>The visit interval in force: the plan's own when given, else the policy's for the risk level.</summary>
    public int VisitIntervalDays { get; internal set; }

    /// <summary>Whether <see cref="VisitIntervalDays"/> comes from the offender's risk management plan.</summary>
    public bool IntervalFromPlan { get; internal set; }

    /// <summary>The latest completed visit on or before <see cref="AsOf"/>, whatever its date relative to <see cref="Start"/>.</summary>
    public DateOnly? LastCompletedVisit { get; internal set; }

    /// <summary>Whether no completed visit has taken place since <see cref="Start"/>, so the first-visit deadline applies.</summary>
    public bool FirstVisitPending { get; internal set; }

    /// <summary>When the next home visit is due under the policy; <see langword="null"/> when that is beyond the calendar (never due).</summary>
    public DateOnly? VisitDueOn { get; internal set; }

    /// <summary><see cref="AsOf"/> minus <see cref="VisitDueOn"/> in days: positive when overdue, zero when due today, negative when not yet due; <see langword="null"/> when never due.</summary>
    public int? DaysOverdue { get; internal set; }

    /// <summary>No-access visits (on or before <see cref="AsOf"/>) dated strictly after <see cref="LastCompletedVisit"/>, or all of them when there is none.</summary>
    public int NoAccessVisitsSinceLastCompleted { get; internal set; }

    /// <summary>The date from which the neighbourhood must be briefed: the move-in date when known, else <see cref="Start"/>.</summary>
    public DateOnly BriefingReferenceDate { get; internal set; }

    /// <summary>The latest briefing about this offender to <see cref="NeighbourhoodId"/>'s team on or before <see cref="AsOf"/>.</summary>
    public DateOnly? LatestBriefingInNeighbourhood { get; internal set; }

    /// <summary>When the next risk assessment is due: the latest assessment plus the review days, or registration plus the initial-assessment days when there has been none; <see langword="null"/> when that is beyond the calendar (never due).</summary>
    public DateOnly? RiskReviewDueOn { get; internal set; }

    /// <summary>
    /// Whether repeated no access holds (<c>RepeatedNoAccess</c>): visits are needed and the no-access visits since the
    /// latest completed visit reach the policy's threshold. The rule and the escalation to the supervisor both use it.
    /// </summary>
    public bool HasRepeatedNoAccess { get; internal set; }

    /// <summary>Whether the offender's manager holds a critical caseload (see <see cref="ManagerCase.IsCaseloadCritical"/>).</summary>
    public bool ManagerCaseloadCritical => Manager is { IsCaseloadCritical: true };

    /// <summary>
    /// Sets the fields taken from the snapshot's record as of <paramref name="asOf"/>; the derived fields are set by
    /// <c>Evaluation/OffenderInputs</c>, the one place that computes them. A live monitor refreshes a fact in place and
    /// then updates it in its session; an evaluation refills a fact it did not insert (no rule could match it) for the next offender.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(Id))]
    [MethodImpl(PerRecord.Compiled)]
    internal void SetRecord(Offender offender, ManagerCase? manager, DateOnly asOf)
    {
        Id = offender.Id;
        Manager = manager;
        NeighbourhoodId = offender.NeighbourhoodId;
        RiskLevel = offender.RiskLevel;
        RegisteredOn = offender.RegisteredOn;
        RiskAssessedOn = NotAfter(offender.RiskAssessedOn, asOf);
        ReleasedOn = NotAfter(offender.ReleasedOn, asOf);
        MovedIntoNeighbourhoodOn = NotAfter(offender.MovedIntoNeighbourhoodOn, asOf);
        InCustody = offender.InCustody;
        ReactiveManagement = offender.ReactiveManagement;
        AsOf = asOf;
    }

    /// <summary>The date when on or before <paramref name="asOf"/>; a record dated later does not exist yet.</summary>
    internal static DateOnly? NotAfter(DateOnly? date, DateOnly asOf) => date is { } d && d <= asOf ? d : null;

    /// <summary>Facts are identified by reference: two facts are the same fact only if they are the same object.</summary>
    /// <param name="obj">The other object.</param>
    /// <returns>Whether <paramref name="obj"/> is this fact.</returns>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <summary>A hash code fixed at creation (cheaper for the engine's working memory than the runtime's identity hash).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => _hash;
}
