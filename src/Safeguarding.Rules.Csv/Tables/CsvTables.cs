using System.Globalization;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Csv.Tables;

/// <summary>
/// The files of a CSV folder (contract section 9), one descriptor each: what the reader accepts and the writer writes.
/// Each column is typed as its JSON property, so the CSV reader reports the JSON reader's problems in the same words.
/// </summary>
/// <remarks>
/// To add a snapshot array: add its descriptor here and to <see cref="All"/>, and one line to
/// <c>CsvFolderReader.Assemble</c> putting its records into the snapshot. A nested array is a file of its own whose
/// first column is the parent's id (<see cref="CsvTable.Parent"/>), and whose parent table says how to attach the
/// nested records (<see cref="RecordTable{T}.WithChildren"/>) and what is left of a parent rejected for one of them
/// (<see cref="RecordTable{T}.Demote"/>).
/// </remarks>
internal static class CsvTables
{
    public const string OffendersFile = "offenders.csv";

    public const string SnapshotFile = "snapshot.csv";

    private const string RiskLevels = "unknown value; expected Low, Medium, High or VeryHigh";
    private const string Outcomes = "unknown value; expected Completed, NoAccess or Cancelled";
    private const string Owners = "unknown value; expected " + ContractNames.ActionOwnerList;

    public static readonly RecordTable<DocumentValues> Document = new(SnapshotFile, null, [
        (CsvColumn.WholeNumber("schemaVersion"), static d => Number(d.SchemaVersion)),
        (CsvColumn.Date("asOf"), static d => Date(d.AsOf)),
        (CsvColumn.Instant("extractedAt"), static d => Instant(d.ExtractedAt)),
    ])
    {
        Build = static r => new DocumentValues(r.WholeNumber(0), r.Date(1), r.Instant(2)),
        Records = static s => s.SchemaVersion is null && s.AsOf is null && s.ExtractedAt is null
            ? null
            : [new DocumentValues(s.SchemaVersion, s.AsOf, s.ExtractedAt)],
    };

    public static readonly RecordTable<Team> Teams = new("teams.csv", SnapshotArrays.Teams, [
        (CsvColumn.OwnId("id", IdKind.Team), static t => t.Id),
    ])
    {
        MissingMeansNoList = true,
        Build = static r => new Team { Id = r.Text(0)!, SourceIndex = r.Index },
        Records = static s => s.Teams,
    };

    public static readonly RecordTable<Manager> Managers = new("managers.csv", SnapshotArrays.Managers, [
        (CsvColumn.OwnId("id", IdKind.Manager), static m => m.Id),
        (CsvColumn.Id("teamId", IdKind.Team), static m => m.TeamId),
    ])
    {
        Build = static r => new Manager { Id = r.Text(0)!, TeamId = r.Text(1), SourceIndex = r.Index },
        Partial = static r => new Manager { Id = r.Text(0) ?? string.Empty, TeamId = r.Text(1), SourceIndex = r.Index },
        Records = static s => s.Managers,
    };

    public static readonly RecordTable<Offender> Offenders = new(OffendersFile, SnapshotArrays.Offenders, [
        (CsvColumn.OwnId("id", IdKind.Offender), static o => o.Id),
        (CsvColumn.Id("managerId", IdKind.Manager), static o => o.ManagerId),
        (CsvColumn.Id("neighbourhoodId", IdKind.Neighbourhood), static o => o.NeighbourhoodId),
        (CsvColumn.Choice<RiskLevel>("riskLevel", RiskLevels, required: true), static o => Choice(o.RiskLevel)),
        (CsvColumn.Date("riskAssessedOn"), static o => Date(o.RiskAssessedOn)),
        (CsvColumn.Date("registeredOn", required: true), static o => Date(o.RegisteredOn)),
        (CsvColumn.Date("releasedOn"), static o => Date(o.ReleasedOn)),
        (CsvColumn.Boolean("inCustody"), static o => Boolean(o.InCustody)),
        (CsvColumn.Boolean("reactiveManagement"), static o => Boolean(o.ReactiveManagement)),
        (CsvColumn.WholeNumber("visitIntervalDays", SnapshotValidator.VisitIntervalRange + "; it is far outside that range"), static o => Number(o.VisitIntervalDays)),
        (CsvColumn.WholeNumber("mappaLevel", SnapshotValidator.MappaLevelRange + "; it is far outside that range"), static o => Number(o.MappaLevel)),
        (CsvColumn.Date("movedIntoNeighbourhoodOn"), static o => Date(o.MovedIntoNeighbourhoodOn)),
    ])
    {
        Build = static r => new Offender
        {
            Id = r.Text(0)!,
            ManagerId = r.Text(1),
            NeighbourhoodId = r.Text(2),
            RiskLevel = r.Choice<RiskLevel>(3)!.Value,
            RiskAssessedOn = r.Date(4),
            RegisteredOn = r.Date(5)!.Value,
            ReleasedOn = r.Date(6),
            InCustody = r.Boolean(7) ?? false,
            ReactiveManagement = r.Boolean(8) ?? false,
            VisitIntervalDays = r.WholeNumber(9),
            MappaLevel = r.WholeNumber(10),
            MovedIntoNeighbourhoodOn = r.Date(11),
            SourceIndex = r.Index,
        },
        Partial = static r => new Offender
        {
            Id = r.Text(0) ?? string.Empty,
            ManagerId = r.Text(1),
            NeighbourhoodId = r.Text(2),
            RiskLevel = r.Choice<RiskLevel>(3) ?? RiskLevel.Low,
            RegisteredOn = r.Date(5) ?? default,
            VisitIntervalDays = r.WholeNumber(9),
            MappaLevel = r.WholeNumber(10),
            SourceIndex = r.Index,
        },
        Records = static s => s.Offenders,
    };

    public static readonly RecordTable<Visit> Visits = new("visits.csv", SnapshotArrays.Visits, [
        (CsvColumn.Id("offenderId", IdKind.Offender, required: true), static v => v.OffenderId),
        (CsvColumn.Date("date", required: true), static v => Date(v.Date)),
        (CsvColumn.Choice<VisitOutcome>("outcome", Outcomes, required: true), static v => Choice(v.Outcome)),
        (CsvColumn.Boolean("announced"), static v => Boolean(v.Announced)),
    ])
    {
        Build = static r => new Visit { OffenderId = r.Text(0)!, Date = r.Date(1)!.Value, Outcome = r.Choice<VisitOutcome>(2)!.Value, Announced = r.Boolean(3), SourceIndex = r.Index },
        Partial = static r => new Visit { OffenderId = r.Text(0) ?? string.Empty, Date = default, Outcome = r.Choice<VisitOutcome>(2) ?? VisitOutcome.Completed, SourceIndex = r.Index },
        Records = static s => s.Visits,
    };

    public static readonly RecordTable<Briefing> Briefings = new("briefings.csv", SnapshotArrays.Briefings, [
        (CsvColumn.Id("offenderId", IdKind.Offender, required: true), static b => b.OffenderId),
        (CsvColumn.Id("neighbourhoodId", IdKind.Neighbourhood, required: true), static b => b.NeighbourhoodId),
        (CsvColumn.Date("date", required: true), static b => Date(b.Date)),
    ])
    {
        Build = static r => new Briefing { OffenderId = r.Text(0)!, NeighbourhoodId = r.Text(1)!, Date = r.Date(2)!.Value, SourceIndex = r.Index },
        Partial = static r => new Briefing { OffenderId = r.Text(0) ?? string.Empty, NeighbourhoodId = r.Text(1) ?? "?", Date = default, SourceIndex = r.Index },
        Records = static s => s.Briefings,
    };

    public static readonly RecordTable<StrategyDiscussion> StrategyDiscussions = new("strategy-discussions.csv", SnapshotArrays.StrategyDiscussions, [
        (CsvColumn.Text("id", required: true), static d => d.Id),
        (CsvColumn.Id("teamId", IdKind.Team), static d => d.TeamId),
        (CsvColumn.Date("heldOn", required: true), static d => Date(d.HeldOn)),
        (CsvColumn.Date("outcomeRecordedOn"), static d => Date(d.OutcomeRecordedOn)),
    ])
    {
        Build = static r => new StrategyDiscussion { Id = r.Text(0)!, TeamId = r.Text(1), HeldOn = r.Date(2)!.Value, OutcomeRecordedOn = r.Date(3), SourceIndex = r.Index },
        Partial = static r => new StrategyDiscussion { Id = r.Text(0) ?? string.Empty, TeamId = r.Text(1), HeldOn = r.Date(2) ?? default, OutcomeRecordedOn = r.Date(3), SourceIndex = r.Index },
        Demote = static d => new StrategyDiscussion { Id = d.Id, TeamId = d.TeamId, HeldOn = d.HeldOn, OutcomeRecordedOn = d.OutcomeRecordedOn, SourceIndex = d.SourceIndex },
        WithChildren = static (d, nested, p) => d with { Actions = nested.Of<StrategyAction>(p) },
        Records = static s => NullWhenEmpty(s.StrategyDiscussions),
    };

    public static readonly RecordTable<NestedRecord<StrategyAction>> StrategyActions = new("strategy-actions.csv", "strategy-actions", [
        (CsvColumn.Text("discussionId", required: true), static a => a.ParentId),
        (CsvColumn.Text("id", required: true), static a => a.Child.Id),
        (CsvColumn.Choice<ActionOwner>("owner", Owners, required: true), static a => Choice(a.Child.Owner)),
        (CsvColumn.Date("dueOn", required: true), static a => Date(a.Child.DueOn)),
        (CsvColumn.Date("completedOn"), static a => Date(a.Child.CompletedOn)),
    ])
    {
        Parent = new CsvParentLink(StrategyDiscussions, "discussionId", "actions"),
        Build = static r => new(r.Text(0)!, new StrategyAction { Id = r.Text(1)!, Owner = r.Choice<ActionOwner>(2)!.Value, DueOn = r.Date(3)!.Value, CompletedOn = r.Date(4) }),

        // What could be read of an action row with a problem, for its malformed discussion's partial copy: its id still
        // counts for the duplicate check; an owner that could not be read is no owner (its problem was reported).
        Partial = static r => new(r.Text(0) ?? string.Empty, new StrategyAction { Id = r.Text(1) ?? string.Empty, Owner = r.Choice<ActionOwner>(2) ?? ChildProtectionValidator.UnreadOwner, DueOn = r.Date(3) ?? default, CompletedOn = r.Date(4) }),
        Records = static s => NullWhenEmpty(s.StrategyDiscussions.SelectMany(static d => d.Actions.Select(a => new NestedRecord<StrategyAction>(d.Id, a))).ToList()),
    };

    public static readonly RecordTable<Detention> Detentions = new("detentions.csv", SnapshotArrays.Detentions, [
        (CsvColumn.Text("id", required: true), static d => d.Id),
        (CsvColumn.Id("custodySuiteId", IdKind.CustodySuite, required: true), static d => d.CustodySuiteId),
        (CsvColumn.Boolean("juvenile", required: true), static d => Boolean(d.Juvenile)),
        (CsvColumn.Instant("authorisedAt", required: true), static d => Instant(d.AuthorisedAt)),
        (CsvColumn.Instant("appropriateAdultArrivedAt"), static d => Instant(d.AppropriateAdultArrivedAt)),
        (CsvColumn.Instant("releasedAt"), static d => Instant(d.ReleasedAt)),
    ])
    {
        Build = static r => new Detention
        {
            Id = r.Text(0)!,
            CustodySuiteId = r.Text(1)!,
            Juvenile = r.Boolean(2)!.Value,
            AuthorisedAt = r.Instant(3)!.Value,
            AppropriateAdultArrivedAt = r.Instant(4),
            ReleasedAt = r.Instant(5),
            SourceIndex = r.Index,
        },
        Partial = static r => new Detention
        {
            Id = r.Text(0) ?? string.Empty,
            CustodySuiteId = r.Text(1) ?? string.Empty,
            Juvenile = r.Boolean(2) ?? false,
            AuthorisedAt = r.Instant(3) ?? default,
            AppropriateAdultArrivedAt = r.Instant(4),
            ReleasedAt = r.Instant(5),
            SourceIndex = r.Index,
        },
        Demote = static d => d,
        WithChildren = static (d, nested, p) => d with { Interviews = nested.Of<Interview>(p) },
        Records = static s => NullWhenEmpty(s.Detentions),
    };

    public static readonly RecordTable<NestedRecord<Interview>> Interviews = new("interviews.csv", "interviews", [
        (CsvColumn.Text("detentionId", required: true), static i => i.ParentId),
        (CsvColumn.Instant("startedAt", required: true), static i => Instant(i.Child.StartedAt)),
        (CsvColumn.Boolean("appropriateAdultPresent", required: true), static i => Boolean(i.Child.AppropriateAdultPresent)),
        (CsvColumn.Boolean("urgentInterviewAuthorised"), static i => Boolean(i.Child.UrgentInterviewAuthorised)),
    ])
    {
        Parent = new CsvParentLink(Detentions, "detentionId", "interviews"),
        Build = static r => new(r.Text(0)!, new Interview { StartedAt = r.Instant(1)!.Value, AppropriateAdultPresent = r.Boolean(2)!.Value, UrgentInterviewAuthorised = r.Boolean(3) ?? false }),

        // What could be read of an interview row with a problem, for its malformed detention's partial copy, as the JSON
        // reader keeps it: a start that was read is still checked; without one, nothing is kept (a null placeholder).
        Partial = static r => r.Instant(1) is { } started
            ? new(r.Text(0) ?? string.Empty, new Interview { StartedAt = started, AppropriateAdultPresent = r.Boolean(2) ?? false, UrgentInterviewAuthorised = r.Boolean(3) ?? false })
            : null,
        Records = static s => NullWhenEmpty(s.Detentions.SelectMany(static d => d.Interviews.Select(i => new NestedRecord<Interview>(d.Id, i))).ToList()),
    };

    public static readonly RecordTable<PoliceProtection> PoliceProtections = new("police-protections.csv", SnapshotArrays.PoliceProtections, [
        (CsvColumn.Text("id", required: true), static p => p.Id),
        (CsvColumn.Id("teamId", IdKind.Team), static p => p.TeamId),
        (CsvColumn.Instant("startedAt", required: true), static p => Instant(p.StartedAt)),
        (CsvColumn.Instant("localAuthorityInformedAt"), static p => Instant(p.LocalAuthorityInformedAt)),
        (CsvColumn.Instant("endedAt"), static p => Instant(p.EndedAt)),
    ])
    {
        Build = static r => new PoliceProtection
        {
            Id = r.Text(0)!,
            TeamId = r.Text(1),
            StartedAt = r.Instant(2)!.Value,
            LocalAuthorityInformedAt = r.Instant(3),
            EndedAt = r.Instant(4),
            SourceIndex = r.Index,
        },
        Partial = static r => new PoliceProtection { Id = r.Text(0) ?? string.Empty, TeamId = r.Text(1), StartedAt = r.Instant(2) ?? default, LocalAuthorityInformedAt = r.Instant(3), EndedAt = r.Instant(4), SourceIndex = r.Index },
        Records = static s => NullWhenEmpty(s.PoliceProtections),
    };

    public static readonly RecordTable<Override> Overrides = new("overrides.csv", SnapshotArrays.Overrides, [
        (CsvColumn.Text("id", required: true), static o => o.Id),
        (CsvColumn.Text("findingId", required: true), static o => o.FindingId),
        (CsvColumn.Text("reasonCode", required: true), static o => o.ReasonCode),
        (CsvColumn.Text("authorisedBy", required: true), static o => o.AuthorisedBy),
        (CsvColumn.Date("from", required: true), static o => Date(o.From)),
        (CsvColumn.Date("until", required: true), static o => Date(o.Until)),
    ])
    {
        Build = static r => new Override
        {
            Id = r.Text(0)!,
            FindingId = r.Text(1)!,
            ReasonCode = r.Text(2)!,
            AuthorisedBy = r.Text(3)!,
            From = r.Date(4)!.Value,
            Until = r.Date(5)!.Value,
            SourceIndex = r.Index,
        },
        Partial = static r => new Override
        {
            Id = r.Text(0) ?? string.Empty,
            FindingId = r.Text(1) ?? string.Empty,
            ReasonCode = r.Text(2) ?? string.Empty,
            AuthorisedBy = r.Text(3) ?? string.Empty,
            From = r.Date(4) ?? default,
            Until = r.Date(5) ?? default,
            SourceIndex = r.Index,
        },
        Records = static s => NullWhenEmpty(s.Overrides),
    };

    /// <summary>
    /// Every file, in the order the writer writes them and the snapshot's arrays come; a nested file comes after its
    /// parent's. The files of contract v1.1's arrays are written only when they have records (a missing file is an empty array).
    /// </summary>
    public static readonly IReadOnlyList<CsvTable> All =
        [Document, Teams, Managers, Offenders, Visits, Briefings, StrategyDiscussions, StrategyActions, Detentions, Interviews, PoliceProtections, Overrides];

    private static IReadOnlyList<T>? NullWhenEmpty<T>(IReadOnlyList<T> records) => records.Count == 0 ? null : records;

    private static string? Instant(DateTimeOffset? instant) => instant is { } value ? SnapshotWriter.Instant(value) : null;

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Number(int? number) => number?.ToString(CultureInfo.InvariantCulture);

    private static string? Boolean(bool? flag) => flag switch
    {
        true => "true",
        false => "false",
        null => null,
    };

    private static string? Choice<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? value.ToString() : null;
}
