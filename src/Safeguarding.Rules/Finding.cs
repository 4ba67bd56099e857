using System.Diagnostics.CodeAnalysis;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Findings;

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
    /// <summary>
    /// The child-protection and rejected-record fields (<see cref="DiscussionId"/> to <see cref="RecordId"/>), which most
    /// findings do not carry: kept out of line, and allocated only when one is set, so that a finding of the other kinds
    /// is about half the size (tens of thousands are made per evaluation, and all of them live to the report). The
    /// record's generated equality compares them through <see cref="RareFields.Equals(RareFields?)"/>, and
    /// <see langword="with"/> shares them until the copy sets one of its own.
    /// </summary>
    private RareFields? _rare;

    /// <summary>The reason, or what it is written from (<see cref="DeferredReason"/>); equal when the texts are.</summary>
    private FindingReason _reason;

    /// <summary>The finding kind (see <see cref="FindingKinds"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>The stable name of the rule that produced the finding.</summary>
    public required string Rule { get; init; }

    /// <summary>
    /// Make a finding with object initializers (<c>new Finding { Kind = ..., Rule = ..., Reason = ... }</c>).
    /// </summary>
    public Finding()
    {
    }

    /// <summary>A built-in rule's finding, whose reason is written when it is read.</summary>
    [SetsRequiredMembers]
#pragma warning disable CS8618 // Reason is set through its field, which the nullable analysis does not follow.
    internal Finding(string kind, string rule, DeferredReason reason)
#pragma warning restore CS8618
    {
        Kind = kind;
        Rule = rule;
        _reason = new FindingReason(reason);
    }

    /// <summary>
    /// Why: plain English from identifiers, dates and numbers only. A built-in rule's finding keeps the values its reason
    /// is written from and writes the text each time it is read (the same text each time); keep the string if you read it
    /// often.
    /// </summary>
    public required string Reason
    {
        get => _reason.Text;
        init => _reason = new FindingReason(value);
    }

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

    /// <summary>The rejected record's index in its input array (DataQuality).</summary>
    public int? Index { get; init; }

    /// <summary>The strategy discussion concerned (StrategyOutcomeNotRecorded, StrategyActionOverdue).</summary>
    public string? DiscussionId
    {
        get => _rare?.DiscussionId;
        init => SetRare(value, static (rare, v) => rare.DiscussionId = v);
    }

    /// <summary>The discussion's action concerned (StrategyActionOverdue).</summary>
    public string? ActionId
    {
        get => _rare?.ActionId;
        init => SetRare(value, static (rare, v) => rare.ActionId = v);
    }

    /// <summary>The date the strategy discussion was held (StrategyOutcomeNotRecorded).</summary>
    public DateOnly? HeldOn
    {
        get => _rare?.HeldOn;
        init => SetRare(value, static (rare, v) => rare.HeldOn = v);
    }

    /// <summary>The detention concerned (AppropriateAdultDelayed, InterviewWithoutAppropriateAdult).</summary>
    public string? DetentionId
    {
        get => _rare?.DetentionId;
        init => SetRare(value, static (rare, v) => rare.DetentionId = v);
    }

    /// <summary>The custody suite of the detention.</summary>
    public string? CustodySuiteId
    {
        get => _rare?.CustodySuiteId;
        init => SetRare(value, static (rare, v) => rare.CustodySuiteId = v);
    }

    /// <summary>When the detention was authorised, in UTC to the second (AppropriateAdultDelayed).</summary>
    public DateTimeOffset? AuthorisedAt
    {
        get => _rare?.AuthorisedAt;
        init => SetRare(value, static (rare, v) => rare.AuthorisedAt = v);
    }

    /// <summary>Whole minutes a detained juvenile waited for an appropriate adult (AppropriateAdultDelayed).</summary>
    public int? MinutesWaited
    {
        get => _rare?.MinutesWaited;
        init => SetRare(value, static (rare, v) => rare.MinutesWaited = v);
    }

    /// <summary>Whether the wait goes on at the as-of instant (AppropriateAdultDelayed, LocalAuthorityNotInformed).</summary>
    public bool? Awaiting
    {
        get => _rare?.Awaiting;
        init => SetRare(value, static (rare, v) => rare.Awaiting = v);
    }

    /// <summary>When the interview started, in UTC to the second (InterviewWithoutAppropriateAdult).</summary>
    public DateTimeOffset? InterviewStartedAt
    {
        get => _rare?.InterviewStartedAt;
        init => SetRare(value, static (rare, v) => rare.InterviewStartedAt = v);
    }

    /// <summary>The police protection concerned (PoliceProtectionExceeded, LocalAuthorityNotInformed).</summary>
    public string? ProtectionId
    {
        get => _rare?.ProtectionId;
        init => SetRare(value, static (rare, v) => rare.ProtectionId = v);
    }

    /// <summary>When the police protection started, in UTC to the second.</summary>
    public DateTimeOffset? StartedAt
    {
        get => _rare?.StartedAt;
        init => SetRare(value, static (rare, v) => rare.StartedAt = v);
    }

    /// <summary>Whole hours in police protection (PoliceProtectionExceeded).</summary>
    public int? HoursInProtection
    {
        get => _rare?.HoursInProtection;
        init => SetRare(value, static (rare, v) => rare.HoursInProtection = v);
    }

    /// <summary>Whole minutes from the start of a police protection to informing the local authority, or to the as-of instant (LocalAuthorityNotInformed).</summary>
    public int? MinutesToInform
    {
        get => _rare?.MinutesToInform;
        init => SetRare(value, static (rare, v) => rare.MinutesToInform = v);
    }

    /// <summary>The input array of a rejected child-protection record (DataQuality); absent for offender records.</summary>
    public string? Array
    {
        get => _rare?.Array;
        init => SetRare(value, static (rare, v) => rare.Array = v);
    }

    /// <summary>The id of a rejected child-protection record, when known (DataQuality).</summary>
    public string? RecordId
    {
        get => _rare?.RecordId;
        init => SetRare(value, static (rare, v) => rare.RecordId = v);
    }

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

    /// <summary>
    /// Sets one rare field of this finding through <paramref name="set"/>: on this finding's own rare fields, created when
    /// there are none (unless the value is none too) and copied when they are another finding's (this one was made by
    /// <see langword="with"/>); they are dropped once none is set, so that equality never depends on whether they were
    /// ever allocated.
    /// </summary>
    private void SetRare<T>(T value, Action<RareFields, T> set)
    {
        if (_rare is null)
        {
            if (value is null)
            {
                return;
            }

            _rare = new RareFields(this);
        }
        else if (!ReferenceEquals(_rare.Owner, this))
        {
            _rare = _rare.CopyFor(this);
        }

        set(_rare, value);
        if (_rare.IsEmpty)
        {
            _rare = null;
        }
    }

    /// <summary>The fields of <see cref="_rare"/>, and the finding they belong to (only that finding sets them).</summary>
    private sealed class RareFields(Finding owner) : IEquatable<RareFields>
    {
        public Finding Owner { get; } = owner;

        public string? DiscussionId;

        public string? ActionId;

        public DateOnly? HeldOn;

        public string? DetentionId;

        public string? CustodySuiteId;

        public DateTimeOffset? AuthorisedAt;

        public int? MinutesWaited;

        public bool? Awaiting;

        public DateTimeOffset? InterviewStartedAt;

        public string? ProtectionId;

        public DateTimeOffset? StartedAt;

        public int? HoursInProtection;

        public int? MinutesToInform;

        public string? Array;

        public string? RecordId;

        public bool IsEmpty =>
            DiscussionId is null &&
            ActionId is null &&
            HeldOn is null &&
            DetentionId is null &&
            CustodySuiteId is null &&
            AuthorisedAt is null &&
            MinutesWaited is null &&
            Awaiting is null &&
            InterviewStartedAt is null &&
            ProtectionId is null &&
            StartedAt is null &&
            HoursInProtection is null &&
            MinutesToInform is null &&
            Array is null &&
            RecordId is null;

        public RareFields CopyFor(Finding owner) => new(owner)
        {
            DiscussionId = DiscussionId,
            ActionId = ActionId,
            HeldOn = HeldOn,
            DetentionId = DetentionId,
            CustodySuiteId = CustodySuiteId,
            AuthorisedAt = AuthorisedAt,
            MinutesWaited = MinutesWaited,
            Awaiting = Awaiting,
            InterviewStartedAt = InterviewStartedAt,
            ProtectionId = ProtectionId,
            StartedAt = StartedAt,
            HoursInProtection = HoursInProtection,
            MinutesToInform = MinutesToInform,
            Array = Array,
            RecordId = RecordId,
        };

        public bool Equals(RareFields? other) => other is not null &&
            string.Equals(DiscussionId, other.DiscussionId, StringComparison.Ordinal) &&
            string.Equals(ActionId, other.ActionId, StringComparison.Ordinal) &&
            Nullable.Equals(HeldOn, other.HeldOn) &&
            string.Equals(DetentionId, other.DetentionId, StringComparison.Ordinal) &&
            string.Equals(CustodySuiteId, other.CustodySuiteId, StringComparison.Ordinal) &&
            Nullable.Equals(AuthorisedAt, other.AuthorisedAt) &&
            Nullable.Equals(MinutesWaited, other.MinutesWaited) &&
            Nullable.Equals(Awaiting, other.Awaiting) &&
            Nullable.Equals(InterviewStartedAt, other.InterviewStartedAt) &&
            string.Equals(ProtectionId, other.ProtectionId, StringComparison.Ordinal) &&
            Nullable.Equals(StartedAt, other.StartedAt) &&
            Nullable.Equals(HoursInProtection, other.HoursInProtection) &&
            Nullable.Equals(MinutesToInform, other.MinutesToInform) &&
            string.Equals(Array, other.Array, StringComparison.Ordinal) &&
            string.Equals(RecordId, other.RecordId, StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as RareFields);

        public override int GetHashCode() => HashCode.Combine(HashCode.Combine(DiscussionId, ActionId, HeldOn, DetentionId, CustodySuiteId, AuthorisedAt, MinutesWaited, Awaiting), HashCode.Combine(InterviewStartedAt, ProtectionId, StartedAt, HoursInProtection, MinutesToInform, Array, RecordId));
    }
}
