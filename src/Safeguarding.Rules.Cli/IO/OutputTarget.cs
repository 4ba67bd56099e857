using Safeguarding.Rules.Cli.Output;

namespace Safeguarding.Rules.Cli.IO;

/// <summary>
/// Where a command writes its result: standard output, or the <c>--output</c> file. A file is written atomically: into
/// a temporary file beside it, renamed over it by <see cref="Commit"/>; a run that fails, is killed or runs out of disk
/// before then leaves the previous file as it was (a killed run may leave the temporary <c>.NAME.*.tmp</c> file).
/// </summary>
internal sealed class OutputTarget : IDisposable
{
    private const int BufferSize = 1 << 16;

    private readonly string? _path;
    private readonly string? _temporary;
    private bool _committed;

    private OutputTarget(Stream stream, string? path, string? temporary)
    {
        Stream = stream;
        _path = path;
        _temporary = temporary;
    }

    /// <summary>What to write the result to.</summary>
    public Stream Stream { get; }

    /// <summary>Opens standard output, or a temporary file that becomes <paramref name="path"/> on <see cref="Commit"/>.</summary>
    /// <param name="path">The <c>--output</c> file, or <see langword="null"/> for standard output.</param>
    /// <param name="inputs">The files the command reads (snapshot, policies); <see langword="null"/> entries are ignored.</param>
    /// <exception cref="ExpectedFailureException">The file names an input, or cannot be created.</exception>
    public static OutputTarget Open(string? path, params string?[] inputs)
    {
        if (path is null)
        {
            return new(new BufferedStream(Console.OpenStandardOutput(), BufferSize), null, null);
        }

        RefuseInput(path, inputs);
        string? temporary = null;
        try
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                throw new ExpectedFailureException(path + ": cannot be written: it is a directory");
            }

            temporary = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..12] + ".tmp");
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize);
            return new(stream, full, temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ExpectedFailureException(path + ": cannot be written: " + e.Message.ReplaceLineEndings(" "), e);
        }
    }

    /// <summary>Refuses (exit 2) an <c>--output</c> that names one of the command's input files, before any work is done.</summary>
    /// <exception cref="ExpectedFailureException">It does.</exception>
    public static void RefuseInput(string? path, params string?[] inputs)
    {
        if (path is null)
        {
            return;
        }

        var output = FullPath(path);
        foreach (var input in inputs)
        {
            if (input is not null && input != Input.SnapshotSource.StandardInput && string.Equals(FullPath(input), output, PathComparison))
            {
                throw new ExpectedFailureException(path + ": --output names an input file of this command; writing it would destroy the input. Choose another file.");
            }
        }
    }

    /// <summary>A UTF-8 (no byte-order mark) writer over <paramref name="stream"/> that writes <paramref name="newLine"/>; for data (CSV) written as it is.</summary>
    public static StreamWriter Writer(Stream stream, string newLine = "\n") =>
        new(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferSize, leaveOpen: true) { NewLine = newLine };

    /// <summary>A writer for human-readable text (tables, test results) over <paramref name="stream"/>: UTF-8, LF, every control character escaped.</summary>
    public static TextWriter TextWriter(Stream stream) => new TerminalWriter(Writer(stream), ownsInner: true);

    /// <summary>Flushes the result and, for a file, puts it in place of <c>--output</c>.</summary>
    /// <exception cref="ExpectedFailureException">The file could not be written or renamed.</exception>
    public void Commit()
    {
        try
        {
            Stream.Flush();
            if (_temporary is null)
            {
                return;
            }

            Stream.Dispose();
            File.Move(_temporary, _path!, overwrite: true);
            _committed = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ExpectedFailureException(_path + ": cannot be written: " + e.Message.ReplaceLineEndings(" ") + "; the previous file, if any, is unchanged", e);
        }
    }

    /// <summary>Closes the output; a file that was not committed is deleted, leaving the previous one in place.</summary>
    public void Dispose()
    {
        Stream.Dispose();
        if (_temporary is not null && !_committed)
        {
            try
            {
                File.Delete(_temporary);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: the target is unchanged either way.
            }
        }
    }

    /// <summary>Linux file names are case-sensitive; Windows and macOS ones usually are not.</summary>
    private static StringComparison PathComparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The full path, through a symbolic link at the end when there is one, so a link to the input is refused too.</summary>
    private static string FullPath(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return path;
        }
    }
}
