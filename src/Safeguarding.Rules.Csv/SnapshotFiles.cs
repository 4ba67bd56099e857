using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Csv;

/// <summary>Reads a snapshot from wherever one can be: a JSON file (contract section 1) or a CSV folder (section 9).</summary>
public static class SnapshotFiles
{
    /// <summary>
    /// Reads the snapshot at <paramref name="path"/>: a folder is read as a CSV folder
    /// (<see cref="SnapshotCsv.ReadFolder"/>), anything else as a JSON file (<see cref="SnapshotJson.ReadFile"/>).
    /// </summary>
    /// <param name="path">A JSON snapshot file or a CSV folder.</param>
    /// <returns>The snapshot, every problem the reading found, and the SHA-256 of the input (<see cref="SnapshotReadResult.SourceSha256"/>).</returns>
    /// <exception cref="IOException">The file or a file of the folder could not be read (for example it does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static SnapshotReadResult Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Directory.Exists(path) ? SnapshotCsv.ReadFolder(path) : SnapshotJson.ReadFile(path);
    }
}
