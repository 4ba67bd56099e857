using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Validation;

/// <summary>A snapshot after the checks of contract section 3: what is valid, what is rejected, and every problem.</summary>
internal sealed class ValidatedSnapshot
{
    public required CaseloadSnapshot Snapshot { get; init; }

    public required List<InputProblem> Problems { get; init; }

    /// <summary>Valid teams by id; <see langword="null"/> when the snapshot has no <c>teams</c>.</summary>
    public required HashSet<string>? ValidTeams { get; init; }

    /// <summary>Valid managers: id to position in <c>Snapshot.Managers</c>.</summary>
    public required Dictionary<string, int> ValidManagers { get; init; }

    /// <summary>For each entry of <c>Snapshot.Offenders</c>: the position of its (valid) manager in <c>Snapshot.Managers</c>, else -1.</summary>
    public required int[] OffenderManager { get; init; }

    /// <summary>For each entry of <c>Snapshot.Offenders</c>: whether it is valid.</summary>
    public required bool[] OffenderValid { get; init; }

    /// <summary>Rejected offender records (well-formed or not), by their index in the input.</summary>
    public required List<RejectedRecord> RejectedOffenders { get; init; }

    /// <summary>The overrides without problems, in snapshot order (contract section 8); a rejected one suppresses nothing.</summary>
    public IReadOnlyList<Override> ValidOverrides { get; init; } = [];

    public bool HasDocumentProblem => Problems.Exists(static p => p.IsDocumentProblem);
}

/// <summary>A rejected record: its index in the input, its id when known, and the fields at fault.</summary>
internal sealed record RejectedRecord(int Index, string? Id, List<string> Fields);
