using System.Globalization;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Findings;

/// <summary>
/// The findings schema: every finding field and every finding kind of the contract, in one table. The findings
/// document, the findings CSV, impact analysis, change reports, the testing kit's expectations and scenario files
/// all read their fields, names, order and identity from here, so adding a field or a kind is one edit here (plus
/// the <see cref="Finding"/> property and the rule that raises it).
/// </summary>
public static class FindingSchema
{
    /// <summary>The offender concerned.</summary>
    public static FindingField OffenderId { get; } = FindingField.Text("offenderId", "offender", static f => f.OffenderId, static (f, v) => f with { OffenderId = v });

    /// <summary>The offender manager concerned.</summary>
    public static FindingField ManagerId { get; } = FindingField.Text("managerId", "manager", static f => f.ManagerId, static (f, v) => f with { ManagerId = v });

    /// <summary>The team concerned.</summary>
    public static FindingField TeamId { get; } = FindingField.Text("teamId", "team", static f => f.TeamId, static (f, v) => f with { TeamId = v });

    /// <summary>The offender's risk level.</summary>
    public static FindingField RiskLevel { get; } = FindingField.Risk("riskLevel", "risk", static f => f.RiskLevel, static (f, v) => f with { RiskLevel = v });

    /// <summary>When the visit or review was due.</summary>
    public static FindingField DueOn { get; } = FindingField.Date("dueOn", null, static f => f.DueOn, static (f, v) => f with { DueOn = v });

    /// <summary>Days overdue.</summary>
    public static FindingField DaysOverdue { get; } = FindingField.Number("daysOverdue", null, 1, static f => f.DaysOverdue, static (f, v) => f with { DaysOverdue = v }, movesWithTime: true);

    /// <summary>Who the finding goes to in the chain of command.</summary>
    public static FindingField EscalateTo { get; } = FindingField.Escalation("escalateTo", null, static f => f.EscalateTo, static (f, v) => f with { EscalateTo = v });

    /// <summary>Days until a visit is due.</summary>
    public static FindingField DaysUntilDue { get; } = FindingField.Number("daysUntilDue", null, 0, static f => f.DaysUntilDue, static (f, v) => f with { DaysUntilDue = v }, movesWithTime: true);

    /// <summary>No-access visits since the latest completed one.</summary>
    public static FindingField NoAccessVisits { get; } = FindingField.Number("noAccessVisits", null, 1, static f => f.NoAccessVisits, static (f, v) => f with { NoAccessVisits = v });

    /// <summary>A manager's or a team's caseload.</summary>
    public static FindingField Caseload { get; } = FindingField.Number("caseload", null, 0, static f => f.Caseload, static (f, v) => f with { Caseload = v });

    /// <summary>A team's overdue visits.</summary>
    public static FindingField OverdueVisits { get; } = FindingField.Number("overdueVisits", null, 1, static f => f.OverdueVisits, static (f, v) => f with { OverdueVisits = v });

    /// <summary>The neighbourhood not briefed.</summary>
    public static FindingField NeighbourhoodId { get; } = FindingField.Text("neighbourhoodId", "neighbourhood", static f => f.NeighbourhoodId, static (f, v) => f with { NeighbourhoodId = v });

    /// <summary>The date from which a briefing was needed.</summary>
    public static FindingField Since { get; } = FindingField.Date("since", null, static f => f.Since, static (f, v) => f with { Since = v });

    /// <summary>A rejected record's index in its input array.</summary>
    public static FindingField Index { get; } = FindingField.Number("index", null, 0, static f => f.Index, static (f, v) => f with { Index = v });

    /// <summary>The strategy discussion concerned.</summary>
    public static FindingField DiscussionId { get; } = FindingField.Text("discussionId", "discussion", static f => f.DiscussionId, static (f, v) => f with { DiscussionId = v });

    /// <summary>The discussion's action concerned.</summary>
    public static FindingField ActionId { get; } = FindingField.Text("actionId", "action", static f => f.ActionId, static (f, v) => f with { ActionId = v });

    /// <summary>The date a strategy discussion was held.</summary>
    public static FindingField HeldOn { get; } = FindingField.Date("heldOn", null, static f => f.HeldOn, static (f, v) => f with { HeldOn = v });

    /// <summary>The detention concerned.</summary>
    public static FindingField DetentionId { get; } = FindingField.Text("detentionId", "detention", static f => f.DetentionId, static (f, v) => f with { DetentionId = v });

    /// <summary>The custody suite of a detention.</summary>
    public static FindingField CustodySuiteId { get; } = FindingField.Text("custodySuiteId", "custodySuite", static f => f.CustodySuiteId, static (f, v) => f with { CustodySuiteId = v });

    /// <summary>When a detention was authorised.</summary>
    public static FindingField AuthorisedAt { get; } = FindingField.Instant("authorisedAt", null, static f => f.AuthorisedAt, static (f, v) => f with { AuthorisedAt = v });

    /// <summary>Minutes a detained juvenile waited for an appropriate adult.</summary>
    public static FindingField MinutesWaited { get; } = FindingField.Number("minutesWaited", null, 0, static f => f.MinutesWaited, static (f, v) => f with { MinutesWaited = v }, movesWithTime: true);

    /// <summary>Whether the wait goes on at the as-of instant.</summary>
    public static FindingField Awaiting { get; } = FindingField.Boolean("awaiting", null, static f => f.Awaiting, static (f, v) => f with { Awaiting = v });

    /// <summary>When an interview started.</summary>
    public static FindingField InterviewStartedAt { get; } = FindingField.Instant("interviewStartedAt", null, static f => f.InterviewStartedAt, static (f, v) => f with { InterviewStartedAt = v });

    /// <summary>The police protection concerned.</summary>
    public static FindingField ProtectionId { get; } = FindingField.Text("protectionId", "protection", static f => f.ProtectionId, static (f, v) => f with { ProtectionId = v });

    /// <summary>When a police protection started.</summary>
    public static FindingField StartedAt { get; } = FindingField.Instant("startedAt", null, static f => f.StartedAt, static (f, v) => f with { StartedAt = v });

    /// <summary>Whole hours in police protection.</summary>
    public static FindingField HoursInProtection { get; } = FindingField.Number("hoursInProtection", null, 0, static f => f.HoursInProtection, static (f, v) => f with { HoursInProtection = v }, movesWithTime: true);

    /// <summary>Minutes from the start of a police protection to informing the local authority (or to the as-of instant).</summary>
    public static FindingField MinutesToInform { get; } = FindingField.Number("minutesToInform", null, 0, static f => f.MinutesToInform, static (f, v) => f with { MinutesToInform = v }, movesWithTime: true);

    /// <summary>The input array of a rejected child-protection record.</summary>
    public static FindingField Array { get; } = FindingField.Text("array", null, static f => f.Array, static (f, v) => f with { Array = v });

    /// <summary>The id of a rejected child-protection record, when known.</summary>
    public static FindingField RecordId { get; } = FindingField.Text("recordId", "record", static f => f.RecordId, static (f, v) => f with { RecordId = v });
    /// <summary>
    /// The last day of the latest override of the finding that has ended, when none is active (contract section 8). Not a
    /// field of any kind's row: every finding may carry it, and writers put it after the kind's fields, before <c>reason</c>.
    /// Comparisons of two findings compare it as they compare the kind's fields.
    /// </summary>
    public static FindingField OverrideExpiredOn { get; } = FindingField.Date("overrideExpiredOn", null, static f => f.OverrideExpiredOn, static (f, v) => f with { OverrideExpiredOn = v });

    /// <summary>Every field, in the order each first appears in the contract's tables: the findings CSV's column order, and the order of a host kind's fields.</summary>
    public static IReadOnlyList<FindingField> Fields { get; } =
    [
        OffenderId, ManagerId, TeamId, RiskLevel, DueOn, DaysOverdue, EscalateTo, DaysUntilDue, NoAccessVisits,
        Caseload, OverdueVisits, NeighbourhoodId, Since, Index, DiscussionId, HeldOn, ActionId, DetentionId,
        CustodySuiteId, AuthorisedAt, MinutesWaited, Awaiting, InterviewStartedAt, ProtectionId, StartedAt,
        HoursInProtection, MinutesToInform, Array, RecordId,
    ];

    /// <summary>Every contract kind, in the contract's output order (which is also the summary's).</summary>
    public static IReadOnlyList<FindingKindSchema> Kinds { get; } =
    [
        Kind(FindingKinds.VisitOverdue, [OffenderId, ManagerId, TeamId, RiskLevel, DueOn, DaysOverdue, EscalateTo], [OffenderId],
            escalationLevels: [EscalationLevel.OffenderManager, EscalationLevel.Supervisor, EscalationLevel.DetectiveInspector]),
        Kind(FindingKinds.VisitDueSoon, [OffenderId, ManagerId, TeamId, RiskLevel, DueOn, DaysUntilDue], [OffenderId]),
        Kind(FindingKinds.RepeatedNoAccess, [OffenderId, ManagerId, TeamId, RiskLevel, NoAccessVisits], [OffenderId]),
        Kind(FindingKinds.ReactiveManagementIneligible, [OffenderId, ManagerId, TeamId, RiskLevel], [OffenderId]),
        Kind(FindingKinds.CaseloadAboveTarget, [ManagerId, TeamId, Caseload], [ManagerId]),
        Kind(FindingKinds.CaseloadCritical, [ManagerId, TeamId, Caseload], [ManagerId]),
        Kind(FindingKinds.Unallocated, [OffenderId, RiskLevel], [OffenderId]),
        Kind(FindingKinds.UnitBacklog, [TeamId, OverdueVisits, Caseload], [TeamId]),
        Kind(FindingKinds.RiskReviewOverdue, [OffenderId, ManagerId, TeamId, RiskLevel, DueOn], [OffenderId]),
        Kind(FindingKinds.NeighbourhoodNotBriefed, [OffenderId, ManagerId, TeamId, NeighbourhoodId, Since], [OffenderId, NeighbourhoodId]),
        Kind(FindingKinds.StrategyOutcomeNotRecorded, [DiscussionId, TeamId, HeldOn, DueOn, DaysOverdue], [DiscussionId]),
        Kind(FindingKinds.StrategyActionOverdue, [DiscussionId, ActionId, TeamId, DueOn, DaysOverdue], [DiscussionId, ActionId]),
        Kind(FindingKinds.AppropriateAdultDelayed, [DetentionId, CustodySuiteId, AuthorisedAt, MinutesWaited, Awaiting, EscalateTo], [DetentionId],
            escalationLevels: [EscalationLevel.Supervisor, EscalationLevel.Inspector]),
        Kind(FindingKinds.InterviewWithoutAppropriateAdult, [DetentionId, CustodySuiteId, InterviewStartedAt], [DetentionId, InterviewStartedAt]),
        Kind(FindingKinds.PoliceProtectionExceeded, [ProtectionId, TeamId, StartedAt, HoursInProtection], [ProtectionId]),
        Kind(FindingKinds.LocalAuthorityNotInformed, [ProtectionId, TeamId, StartedAt, MinutesToInform, Awaiting], [ProtectionId]),
        new FindingKindSchema(
            FindingKinds.DataQuality,
            [OffenderId, Array, Index, RecordId],
            [Array, Index],
            idParts: [static f => f.Array ?? SnapshotArrays.Offenders, static f => f.Index is { } index ? "#" + index.ToString(CultureInfo.InvariantCulture) : null]),
    ];

    /// <summary>The descriptor shared by kinds a host's own rules raise: every field, identity <c>teamId</c>, <c>managerId</c>, <c>offenderId</c>.</summary>
    public static FindingKindSchema HostKind { get; } = new(null, Fields, [TeamId, ManagerId, OffenderId]);

    private static readonly Dictionary<string, FindingKindSchema> ByKind = Kinds.ToDictionary(static k => k.Kind!, StringComparer.Ordinal);

    private static readonly Dictionary<string, FindingField> ByName = Fields.ToDictionary(static f => f.Name, StringComparer.Ordinal);

    /// <summary>The descriptor of <paramref name="kind"/>: the contract's, or <see cref="HostKind"/> for any other kind.</summary>
    /// <param name="kind">A finding kind.</param>
    /// <returns>The kind's descriptor.</returns>
    public static FindingKindSchema Of(string kind) =>
        ByKind.TryGetValue(kind ?? throw new ArgumentNullException(nameof(kind)), out var schema) ? schema : HostKind;

    /// <summary>The contract kind named <paramref name="kind"/>, if it is one.</summary>
    /// <param name="kind">A finding kind.</param>
    /// <param name="schema">The kind's descriptor when it is a contract kind.</param>
    /// <returns><see langword="true"/> for a contract kind.</returns>
    public static bool TryGetContractKind(string kind, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FindingKindSchema? schema) =>
        ByKind.TryGetValue(kind, out schema);

    /// <summary>The field with the contract name <paramref name="name"/> (e.g. <c>offenderId</c>), if there is one.</summary>
    /// <param name="name">A contract field name.</param>
    /// <returns>The field, or <see langword="null"/>.</returns>
    public static FindingField? FieldNamed(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The fields whose values differ between two findings of the same subject, compared as <paramref name="mode"/> says.</summary>
    /// <param name="before">The earlier (or baseline) finding.</param>
    /// <param name="after">The later (or proposed) finding, of the same kind.</param>
    /// <param name="mode">Which fields count.</param>
    /// <returns>The differing fields, in the kind's field order, then <see cref="OverrideExpiredOn"/> when it differs.</returns>
    public static IReadOnlyList<FindingField> Differences(Finding before, Finding after, FindingComparison mode)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var differences = new List<FindingField>();
        foreach (var field in Of(after.Kind).Fields)
        {
            if (mode == FindingComparison.SinceEarlierRun && field.MovesWithTime)
            {
                continue;
            }

            if (!field.ValueEquals(before, after))
            {
                differences.Add(field);
            }
        }

        if (!OverrideExpiredOn.ValueEquals(before, after))
        {
            differences.Add(OverrideExpiredOn);
        }

        return differences;
    }

    private static FindingKindSchema Kind(string kind, FindingField[] fields, FindingField[] identity, EscalationLevel[]? escalationLevels = null) =>
        new(kind, fields, identity, escalationLevels: escalationLevels);
}
