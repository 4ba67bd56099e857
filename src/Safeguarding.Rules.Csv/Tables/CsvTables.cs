using System.Globalization;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Csv.Tables;

/// <summary>
/// The files of a CSV folder (contract section 9), one descriptor each: what the reader accepts and the writer writes.
/// Each column is typed as its JSON property, so the CSV reader reports the JSON reader's problems in the same words.
/// </summary>
/// <remarks>
/// To add a snapshot array: add its descriptor here and to <see cref="All"/>, and one line to
/// <c>CsvFolderReader.Assemble</c> putting its records into the snapshot.
/// </remarks>
internal static class CsvTables
{
    public const string OffendersFile = "offenders.csv";

    public const string SnapshotFile = "snapshot.csv";

    private const string RiskLevels = "unknown value; expected Low, Medium, High or VeryHigh";
    private const string Outcomes = "unknown value; expected Completed, NoAccess or Cancelled";

    public static readonly RecordTable<DocumentValues> Document = new(SnapshotFile, null, [
        (CsvColumn.WholeNumber("schemaVersion"), static d => Number(d.SchemaVersion)),
        (CsvColumn.Date("asOf"), static d => Date(d.AsOf)),
    ])
    {
        Build = static r => new DocumentValues(r.WholeNumber(0), r.Date(1)),
        Records = static s => s.SchemaVersion is null && s.AsOf is null ? null : [new DocumentValues(s.SchemaVersion, s.AsOf)],
    };

    public static readonly RecordTable<Team> Teams = new("teams.csv", SnapshotArrays.Teams, [
        (CsvColumn.Text("id", required: true), static t => t.Id),
    ])
    {
        MissingMeansNoList = true,
        Build = static r => new Team { Id = r.Text(0)!, SourceIndex = r.Index },
        Records = static s => s.Teams,
    };

    public static readonly RecordTable<Manager> Managers = new("managers.csv", SnapshotArrays.Managers, [
        (CsvColumn.Text("id", required: true), static m => m.Id),
        (CsvColumn.Text("teamId"), static m => m.TeamId),
    ])
    {
        Build = static r => new Manager { Id = r.Text(0)!, TeamId = r.Text(1), SourceIndex = r.Index },
        Partial = static r => new Manager { Id = r.Text(0) ?? string.Empty, TeamId = r.Text(1), SourceIndex = r.Index },
        Records = static s => s.Managers,
    };

    public static readonly RecordTable<Offender> Offenders = new(OffendersFile, SnapshotArrays.Offenders, [
        (CsvColumn.Text("id", required: true), static o => o.Id),
        (CsvColumn.Text("managerId"), static o => o.ManagerId),
        (CsvColumn.Text("neighbourhoodId"), static o => o.NeighbourhoodId),
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
        (CsvColumn.Text("offenderId", required: true), static v => v.OffenderId),
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
        (CsvColumn.Text("offenderId", required: true), static b => b.OffenderId),
        (CsvColumn.Text("neighbourhoodId", required: true), static b => b.NeighbourhoodId),
        (CsvColumn.Date("date", required: true), static b => Date(b.Date)),
    ])
    {
        Build = static r => new Briefing { OffenderId = r.Text(0)!, NeighbourhoodId = r.Text(1)!, Date = r.Date(2)!.Value, SourceIndex = r.Index },
        Partial = static r => new Briefing { OffenderId = r.Text(0) ?? string.Empty, NeighbourhoodId = r.Text(1) ?? "?", Date = default, SourceIndex = r.Index },
        Records = static s => s.Briefings,
    };

    /// <summary>Every file, in the order the writer writes them and the snapshot's arrays come.</summary>
    public static readonly IReadOnlyList<CsvTable> All = [Document, Teams, Managers, Offenders, Visits, Briefings];

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
