using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Serialization;

/// <summary>
/// Reads and writes the caseload snapshot of contract section 1. Reading never throws for bad content: every problem
/// with the document (section 3) is in the result's <see cref="SnapshotReadResult.Problems"/>, each naming the array, index,
/// id (when it could be read) and field, and evaluation reports it with the checks across records
/// (duplicate ids, references, ranges, the schema version). Problems never quote a field's value.
/// </summary>
/// <remarks>
/// <para>
/// Reading is one forward pass over the UTF-8 bytes with no document object model, so a snapshot of a million
/// offenders costs its bytes plus the typed records. A large document (64 MB or more from its <c>visits</c> array on) is
/// read in two such passes at once, one from its start and one from a visit near its middle, on two threads; the result
/// is the one a single pass gives, record for record and problem for problem. A record with any problem (a value of the wrong JSON type,
/// a required field missing or <see langword="null"/>, an unknown enum value, a malformed or impossible date,
/// a number that is not a whole number in range) is reported field by field and left out of the typed lists;
/// it still counts as an input record. <see langword="null"/> means absent for every optional field. Unknown
/// properties are ignored, whatever their shape. A whole number may be written <c>30</c>, <c>30.0</c> or <c>3e1</c>.
/// An array element that is not an object is a problem of that record with field <c>$</c>. A property repeated
/// within a record is a problem of that record, and a repeated top-level property a problem of the document.
/// A leading UTF-8 byte order mark is allowed.
/// </para>
/// <para>
/// A problem with the document itself (not JSON, not UTF-8, not an object, a top-level array property that is
/// not an array, a malformed <c>asOf</c> or <c>schemaVersion</c>) has no array or index; JSON syntax errors
/// name the line and byte position, counted from 1, and stop the reading: the snapshot then has no records.
/// </para>
/// </remarks>
public static class SnapshotJson
{
    /// <summary>Reads a snapshot from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The document's bytes.</param>
    /// <returns>The snapshot, every problem found, and the SHA-256 of the bytes read.</returns>
    public static SnapshotReadResult Read(ReadOnlySpan<byte> utf8Json) => SnapshotReader.Read(utf8Json).WithSourceSha256(Sha256Hex.Of(utf8Json));

    /// <summary>
    /// Reads a snapshot from <paramref name="stream"/>, from its position to its end, into one pooled buffer. A stream that
    /// cannot seek (a pipe, a FIFO) is read the same way. Reading stops at the first byte no JSON document can hold
    /// (a NUL or other control byte, invalid UTF-8, a first character that cannot start a value), so an endless or
    /// binary input fails at once; that problem names its position.
    /// </summary>
    /// <param name="stream">The document; left open.</param>
    /// <returns>The snapshot, every problem found, and the SHA-256 of the bytes read.</returns>
    /// <exception cref="IOException">The stream could not be read.</exception>
    public static SnapshotReadResult Read(Stream stream) =>
        JsonInput.Parse(stream, ReadHashed, SnapshotReader.TooLarge);

    /// <summary>
    /// Reads a snapshot from <paramref name="stream"/> as <see cref="Read(Stream)"/> does, without blocking a thread
    /// while the bytes arrive (an HTTP request body, a network stream); the snapshot is parsed once they are all in.
    /// </summary>
    /// <param name="stream">The document; left open.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The snapshot, every problem found, and the SHA-256 of the bytes read.</returns>
    /// <exception cref="IOException">The stream could not be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<SnapshotReadResult> ReadAsync(Stream stream, CancellationToken cancellationToken = default) =>
        JsonInput.ParseAsync(stream, ReadHashed, SnapshotReader.TooLarge, cancellationToken);

    /// <summary>
    /// Reads a snapshot from the file at <paramref name="path"/> as <see cref="ReadFile"/> does: a file is parsed in place
    /// (mapped into memory; parsing is synchronous work on memory either way), a pipe or a device read as
    /// <see cref="ReadAsync"/> does.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The snapshot, every problem found, and the SHA-256 of the bytes read.</returns>
    /// <exception cref="IOException">The file could not be read (for example it does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<SnapshotReadResult> ReadFileAsync(string path, CancellationToken cancellationToken = default) =>
        JsonInput.ParseFileAsync(path, ReadHashed, SnapshotReader.TooLarge, cancellationToken);

    /// <summary>
    /// Reads a snapshot from the file at <paramref name="path"/>, parsed in place (the file mapped into memory, read-only,
    /// for as long as the parse lasts: no copy and no buffer), so it reads exactly as its bytes in memory do
    /// (<see cref="Read(ReadOnlySpan{byte})"/>). A pipe, a device or an empty file is read as <see cref="Read(Stream)"/> does.
    /// </summary>
    /// <remarks>
    /// The file must not be truncated by another program while it is read: a mapped page that no longer exists ends
    /// the process (SIGBUS on Linux), which no exception handler can catch. Replacing the file (write a new one, then
    /// rename it over the old, as the command-line tool writes its output) is safe: the open mapping keeps the old
    /// bytes. A host that cannot rule out truncation in place reads through <see cref="Read(Stream)"/> instead.
    /// </remarks>
    /// <param name="path">The file.</param>
    /// <returns>The snapshot, every problem found, and the SHA-256 of the bytes read.</returns>
    /// <exception cref="IOException">The file could not be read (for example it does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static SnapshotReadResult ReadFile(string path) =>
        JsonInput.ParseFile(path, ReadHashed, SnapshotReader.TooLarge);

    /// <summary>
    /// Writes <paramref name="snapshot"/> in the section 1 format: camelCase names in the contract's order, dates
    /// <c>yyyy-MM-dd</c>, enum values as their names, absent optional values omitted (<c>inCustody</c> and
    /// <c>reactiveManagement</c> only when true), <c>teams</c> only when the snapshot has a team list.
    /// The same snapshot always gives the same bytes, and reading them back gives the same records.
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="stream">Where to write; flushed, left open.</param>
    /// <param name="indented">Whether to indent (two spaces, line feeds); default compact.</param>
    /// <exception cref="ArgumentException">A record is <see langword="null"/>, lacks a required id, or holds an enum value the contract does not define; the message names the record and field.</exception>
    public static void Write(CaseloadSnapshot snapshot, Stream stream, bool indented = false) => SnapshotWriter.Write(snapshot, stream, indented);

    /// <summary>Writes <paramref name="snapshot"/> to the file at <paramref name="path"/>, replacing it, as <see cref="Write"/> does.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="path">The file.</param>
    /// <param name="indented">Whether to indent (two spaces, line feeds); default compact.</param>
    /// <exception cref="ArgumentException">A record is <see langword="null"/>, lacks a required id, or holds an enum value the contract does not define.</exception>
    /// <exception cref="IOException">The file could not be written.</exception>
    public static void WriteFile(CaseloadSnapshot snapshot, string path, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var file = JsonOutput.CreateFile(path);
        SnapshotWriter.Write(snapshot, file, indented);
    }

    /// <summary>
    /// Parses the bytes and hashes them; above a megabyte the hash runs on another thread while the parse runs, so on
    /// two cores or more it costs no time. Both finish before the pooled buffer is returned.
    /// </summary>
    private static SnapshotReadResult ReadHashed(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.Length < ParallelHashBytes)
        {
            return SnapshotReader.Read(bytes.Span).WithSourceSha256(Sha256Hex.Of(bytes.Span));
        }

        var hash = Task.Run(() => Sha256Hex.Of(bytes.Span));
        var result = SnapshotReader.Read(bytes.Span);
        return result.WithSourceSha256(hash.GetAwaiter().GetResult());
    }

    private const int ParallelHashBytes = 1 << 20;
}
