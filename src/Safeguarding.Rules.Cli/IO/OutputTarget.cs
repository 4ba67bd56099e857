namespace Safeguarding.Rules.Cli.IO;

/// <summary>Where a command writes its result: standard output, or the <c>--output</c> file.</summary>
internal static class OutputTarget
{
    private const int BufferSize = 1 << 16;

    /// <summary>Opens standard output, or creates (or replaces) <paramref name="path"/>.</summary>
    /// <exception cref="ExpectedFailureException">The file cannot be created.</exception>
    public static Stream Open(string? path)
    {
        if (path is null)
        {
            return new BufferedStream(Console.OpenStandardOutput(), BufferSize);
        }

        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ExpectedFailureException(path + ": cannot be written: " + e.Message.ReplaceLineEndings(" "), e);
        }
    }

    /// <summary>A UTF-8 (no byte-order mark) writer over <paramref name="stream"/> that writes <paramref name="newLine"/>.</summary>
    public static StreamWriter Writer(Stream stream, string newLine = "\n") =>
        new(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferSize, leaveOpen: true) { NewLine = newLine };
}
