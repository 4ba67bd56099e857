using Safeguarding.Rules.Cli.IO;
using Safeguarding.Rules.Csv;
using Safeguarding.Rules.Cli.Output;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Cli.Input;

/// <summary>
/// Reads a snapshot (contract section 1) from a file, a CSV folder (section 9), standard input (<c>-</c>), or makes the built-in force.
/// The document is streamed into the library's reader, which keeps one copy of its bytes and no string of its text.
/// </summary>
internal static class SnapshotSource
{
    public const string StandardInput = "-";

    private const int BufferSize = 1 << 16;

    /// <summary>Loads the snapshot named by <paramref name="path"/>; <see langword="null"/> for the built-in force.</summary>
    /// <exception cref="ExpectedFailureException">The file does not exist or cannot be read.</exception>
    public static LoadedSnapshot Load(string? path, ProgressReporter progress)
    {
        if (path is null)
        {
            using (progress.Start("Generating the " + BuiltInSample.Description))
            {
                return new(SnapshotReadResult.FromCode(BuiltInSample.Create()), BuiltInSample.Description);
            }
        }

        if (path == StandardInput)
        {
            using var input = new CountingStream(Console.OpenStandardInput());
            using (progress.Start("Reading standard input", () => Text.Megabytes(input.Bytes) + " read"))
            {
                return new(SnapshotJson.Read(input), "standard input");
            }
        }

        if (Directory.Exists(path))
        {
            return LoadFolder(path, progress);
        }

        if (!File.Exists(path))
        {
            throw new ExpectedFailureException(path + ": snapshot file not found");
        }

        try
        {
            // A file is parsed in place (mapped into memory: no copy, no buffer to fill); a FIFO, /dev/stdin or a shell's
            // <(...) cannot be mapped and is read as standard input is, with the bytes read so far as progress.
            using var file = new CountingStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan));
            if (file.CanSeek && file.Length > 0)
            {
                var length = file.Length;
                file.Dispose();
                using (progress.Start("Reading " + path, () => "parsing " + Text.Megabytes(length)))
                {
                    return new(SnapshotJson.ReadFile(path), path);
                }
            }

            using (progress.Start("Reading " + path, () => Text.Megabytes(file.Bytes)))
            {
                return new(SnapshotJson.Read(file), path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ExpectedFailureException(path + ": cannot be read: " + e.Message.ReplaceLineEndings(" "), e);
        }
    }

    /// <summary>Reads a CSV folder (contract section 9); its problems name the file, line and column.</summary>
    private static LoadedSnapshot LoadFolder(string path, ProgressReporter progress)
    {
        try
        {
            using (progress.Start("Reading the CSV folder " + path))
            {
                return new(SnapshotCsv.ReadFolder(path), path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ExpectedFailureException(path + ": cannot be read: " + e.Message.ReplaceLineEndings(" "), e);
        }
    }
}
