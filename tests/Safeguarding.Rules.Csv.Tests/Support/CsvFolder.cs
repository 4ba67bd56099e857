using System.Text;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Csv.Tests.Support;

/// <summary>A temporary folder of CSV files for one test, deleted afterwards.</summary>
internal sealed class CsvFolder : IDisposable
{
    public CsvFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "csv-folder-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes a file; <paramref name="lines"/> are joined with <paramref name="lineEnd"/>, and one ends the file.</summary>
    public CsvFolder WithLineEnds(string fileName, string lineEnd, params string[] lines) =>
        WithBytes(fileName, Encoding.UTF8.GetBytes(string.Join(lineEnd, lines) + lineEnd));

    /// <summary>Writes a file with CRLF line ends.</summary>
    public CsvFolder With(string fileName, params string[] lines) => WithLineEnds(fileName, "\r\n", lines);

    public CsvFolder WithBytes(string fileName, byte[] bytes)
    {
        File.WriteAllBytes(System.IO.Path.Combine(Path, fileName), bytes);
        return this;
    }

    public SnapshotReadResult Read() => SnapshotCsv.ReadFolder(Path);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
