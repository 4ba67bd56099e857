using Safeguarding.Rules.Csv.Reading;
using Safeguarding.Rules.Csv.Writing;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Csv;

/// <summary>
/// Reads and writes a caseload snapshot as a folder of CSV files (contract section 9), the form a force's case system
/// exports: <c>offenders.csv</c> (required), <c>teams.csv</c>, <c>managers.csv</c>, <c>visits.csv</c>,
/// <c>briefings.csv</c>, <c>strategy-discussions.csv</c>, <c>strategy-actions.csv</c> (with <c>discussionId</c>),
/// <c>detentions.csv</c>, <c>interviews.csv</c> (with <c>detentionId</c>), <c>police-protections.csv</c>,
/// <c>overrides.csv</c> and a one-row <c>snapshot.csv</c> (<c>schemaVersion</c>, <c>asOf</c>, <c>extractedAt</c>).
/// The folder means exactly what the JSON snapshot with the same records means, and evaluation checks it the same way.
/// </summary>
/// <remarks>
/// <para>
/// Each file is RFC 4180 CSV in UTF-8 (a byte order mark is allowed; CRLF or LF line ends) with a header row of the
/// JSON property names in any order; unknown columns and other files are ignored. An empty cell (or a quoted empty
/// cell <c>""</c>) is an absent value; cells are not trimmed; booleans are exactly <c>true</c> or <c>false</c>; numbers
/// and dates are written as in the JSON, and each cell has its JSON property's type (an id <c>1</c> is the string "1").
/// A missing file is an empty array, except that a missing <c>teams.csv</c> means the snapshot lists no teams, and a
/// missing <c>offenders.csv</c> is a problem of the folder (it is required, and may hold only its header).
/// </para>
/// <para>
/// Reading never throws for bad content: every problem is in <see cref="SnapshotReadResult.Problems"/> with the
/// JSON reader's array, index, id and field, plus <see cref="InputProblem.File"/>, <see cref="InputProblem.Line"/> (the
/// line the record starts on) and <see cref="InputProblem.Column"/>; the checks across records that evaluation makes
/// (duplicate ids, references, ranges) name them too. A row with more or fewer cells than the header is a problem; a
/// required column missing from a header is one problem and rejects every row of that file; <c>snapshot.csv</c> must
/// hold exactly one row. A problem in a nested row is its parent's, named by its path (<c>interviews[1].startedAt</c>,
/// the second row naming that detention), and rejects the parent; a nested row naming an unknown parent is a problem
/// of its own file (<c>array</c> <c>interviews</c> or <c>strategy-actions</c>). Problems never quote a cell's value.
/// </para>
/// <para>
/// <see cref="SnapshotReadResult.SourceSha256"/> of a folder is the decision record's <c>snapshotSha256</c> (contract
/// section 8): the SHA-256 of the JCS form of the object mapping the name of each of the files above that is present
/// to the SHA-256 hex of its bytes (other files are left out, as they are ignored).
/// </para>
/// </remarks>
public static class SnapshotCsv
{
    /// <summary>Reads the CSV folder at <paramref name="folder"/>.</summary>
    /// <param name="folder">The folder holding <c>offenders.csv</c> and the other files.</param>
    /// <returns>The snapshot, every problem the reading found, and the SHA-256 of the input (<see cref="SnapshotReadResult.SourceSha256"/>).</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="IOException">A file could not be read.</exception>
    /// <exception cref="UnauthorizedAccessException">A file may not be read.</exception>
    /// <remarks>
    /// Each file is mapped into memory and parsed in place, and <c>visits.csv</c> is read on another thread when it is
    /// large. A file that another program truncates while it is read ends the process (a bus error), as with
    /// <c>SnapshotJson.ReadFile</c>: write the folder's files under temporary names and rename them, or write a new folder
    /// and rename it.
    /// </remarks>
    public static SnapshotReadResult ReadFolder(string folder) => CsvFolderReader.Read(folder);

    /// <summary>
    /// Writes <paramref name="snapshot"/> as a CSV folder, creating the folder when needed and replacing the files it
    /// writes: every known column in the contract's order, CRLF line ends, UTF-8 without a byte order mark, a cell quoted
    /// only when it holds a comma, a quote or a line end, instants in UTC. <c>teams.csv</c> is written only when the
    /// snapshot has a team list, <c>snapshot.csv</c> only when it has a schema version, an as-of date or
    /// <c>extractedAt</c>, and the files of the child-protection and override arrays only when they have records (an
    /// earlier copy of a file not written is removed). The same snapshot always gives the same bytes, and reading them back gives the same records;
    /// an empty string cannot be written (an empty cell is an absent value).
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="folder">The folder.</param>
    /// <exception cref="ArgumentException">A record is <see langword="null"/>, lacks a required value, or holds an enum value the contract does not define; the message names the record and field.</exception>
    /// <exception cref="IOException">A file could not be written.</exception>
    public static void WriteFolder(CaseloadSnapshot snapshot, string folder) => CsvFolderWriter.Write(snapshot, folder);
}
