namespace Safeguarding.Rules.Domain;

/// <summary>
/// A force's caseload at a point in time: the input of an evaluation (contract section 1).
/// Build one in code, or read one from the contract's JSON with <c>SnapshotJson.Read</c>, which returns it with
/// the problems it found in a <c>SnapshotReadResult</c>. The snapshot holds the data only.
/// A list set to <see langword="null"/> (for example <c>Offenders = null!</c>) is taken as empty, as an absent
/// array in the JSON is; <see cref="Teams"/> alone keeps <see langword="null"/>, which means "no team list".
/// </summary>
public sealed class CaseloadSnapshot
{
    /// <summary>The contract schema version; <see langword="null"/> when omitted. When present it must be 1.</summary>
    public int? SchemaVersion { get; init; }

    /// <summary>The date the snapshot describes; the caller's own as-of date wins over it.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>
    /// The teams, or <see langword="null"/> when the snapshot has no <c>teams</c> property.
    /// When present (even empty), every manager's <see cref="Manager.TeamId"/> must name a listed team;
    /// when absent, teams are known from the managers' team ids.
    /// </summary>
    public IReadOnlyList<Team>? Teams { get; init; }

    /// <summary>The offender managers; <see langword="null"/> is taken as none.</summary>
    public IReadOnlyList<Manager> Managers { get; init => field = value ?? []; } = [];

    /// <summary>The offenders; <see langword="null"/> is taken as none.</summary>
    public IReadOnlyList<Offender> Offenders { get; init => field = value ?? []; } = [];

    /// <summary>The home visits; <see langword="null"/> is taken as none.</summary>
    public IReadOnlyList<Visit> Visits { get; init => field = value ?? []; } = [];

    /// <summary>The neighbourhood briefings; <see langword="null"/> is taken as none.</summary>
    public IReadOnlyList<Briefing> Briefings { get; init => field = value ?? []; } = [];

    /// <summary>
    /// The overrides: deferrals of single findings (contract section 8); <see langword="null"/> is taken as none. They are part of
    /// the snapshot, so whatever identifies the snapshot identifies them too.
    /// </summary>
    public IReadOnlyList<Override> Overrides { get; init => field = value ?? []; } = [];
}
