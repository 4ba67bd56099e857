using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Serialization;

/// <summary>
/// The result of reading a caseload snapshot (contract section 1): the records that could be typed, every problem
/// the reading found, and the SHA-256 of the bytes read. Pass it whole to
/// <see cref="ISafeguardingEvaluator.Evaluate(SnapshotReadResult, EvaluationOptions?, CancellationToken)"/>,
/// which reports these problems with its own checks across records, as contract section 3 asks.
/// </summary>
public sealed class SnapshotReadResult
{
    internal SnapshotReadResult(CaseloadSnapshot snapshot, IReadOnlyList<InputProblem> problems, IReadOnlyList<MalformedRecord> malformed, string? sourceSha256)
    {
        Snapshot = snapshot;
        Problems = problems;
        MalformedRecords = malformed;
        SourceSha256 = sourceSha256;
    }

    /// <summary>
    /// The records that could be typed. A record with a problem of its own shape (a wrong JSON type, a missing
    /// required field, an unknown enum value) is not in it; its problems are in <see cref="Problems"/>.
    /// </summary>
    public CaseloadSnapshot Snapshot { get; }

    /// <summary>
    /// The problems found while reading (wrong JSON types, missing fields, unknown values, a document that is not
    /// JSON), each naming the array, index, id when known, and field. Empty when the document read cleanly; the checks
    /// across records (duplicates, references, ranges) are evaluation's and are not here.
    /// </summary>
    public IReadOnlyList<InputProblem> Problems { get; }

    /// <summary>
    /// The SHA-256 of the bytes read, as 64 lowercase hexadecimal digits: the <c>snapshotSha256</c> of the decision
    /// record (contract section 8). <see langword="null"/> when the input was too large to read whole.
    /// </summary>
    public string? SourceSha256 { get; }

    /// <summary>The number of offender records in the input, typed or not.</summary>
    public int OffenderRecordCount => Snapshot.Offenders.Count + MalformedOffenders;

    /// <summary>Records the reader could not type; their ids still count for the checks across records.</summary>
    internal IReadOnlyList<MalformedRecord> MalformedRecords { get; }

    private int MalformedOffenders => MalformedRecords.Count(static m => m.Array == SnapshotArrays.Offenders);

    /// <summary>
    /// Where the records came from in a CSV folder, so that the checks across records name file, line and column as
    /// the reader's own problems do; <see langword="null"/> for JSON or code.
    /// </summary>
    internal IProblemLocator? ProblemLocator { get; init; }

    /// <summary>A copy carrying the hash of the bytes read.</summary>
    internal SnapshotReadResult WithSourceSha256(string? sha256) => new(Snapshot, Problems, MalformedRecords, sha256) { ProblemLocator = ProblemLocator };

    /// <summary>
    /// The result for a snapshot built in code, so that code taking a read result takes it too: no problems, and no
    /// source bytes (<see cref="SourceSha256"/> is <see langword="null"/>).
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The result.</returns>
    public static SnapshotReadResult FromCode(CaseloadSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new(snapshot, [], [], null);
    }
}
