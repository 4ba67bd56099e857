using System.Text;

namespace Safeguarding.Rules.Cli.Output;

/// <summary>
/// A writer for human-readable output (tables, problem lists, test results) that passes every piece of text through
/// <see cref="TerminalText.Escape"/>: only its own line ends start a new line, so one problem is always one line.
/// The CLI's standard error is one of these, and so is every table it writes.
/// </summary>
internal sealed class TerminalWriter : TextWriter
{
    private static TextWriter? _rawStandardError;

    private readonly TextWriter _inner;
    private readonly bool _ownsInner;

    /// <param name="inner">Where the escaped text goes.</param>
    /// <param name="ownsInner">Whether disposing this writer disposes <paramref name="inner"/>; otherwise it is only flushed.</param>
    public TerminalWriter(TextWriter inner, bool ownsInner)
        : base(inner.FormatProvider)
    {
        _inner = inner;
        _ownsInner = ownsInner;
        CoreNewLine = inner.NewLine.ToCharArray();
    }

    public override Encoding Encoding => _inner.Encoding;

    /// <summary>
    /// The process's standard error as it was before <see cref="InstallOnStandardError"/>, for output that writes its
    /// own controls (the progress line's carriage return) and escapes its text itself.
    /// </summary>
    public static TextWriter RawStandardError => _rawStandardError ?? Console.Error;

    /// <summary>Makes <see cref="Console.Error"/> a terminal writer over the standard error it was, and returns it.</summary>
    public static TerminalWriter InstallOnStandardError()
    {
        var raw = _rawStandardError ?? Console.Error;
        var error = new TerminalWriter(raw, ownsInner: false);
        Console.SetError(error);
        _rawStandardError = raw;
        return error;
    }

    public override void Write(char value) => _inner.Write(TerminalText.Escape(value.ToString()));

    public override void Write(string? value)
    {
        if (value is not null)
        {
            _inner.Write(TerminalText.Escape(value));
        }
    }

    public override void Write(char[] buffer, int index, int count) => _inner.Write(TerminalText.Escape(new string(buffer, index, count)));

    public override void Write(ReadOnlySpan<char> buffer) => _inner.Write(TerminalText.Escape(buffer.ToString()));

    public override void WriteLine() => _inner.WriteLine();

    public override void WriteLine(string? value) => _inner.WriteLine(value is null ? null : TerminalText.Escape(value));

    public override void WriteLine(ReadOnlySpan<char> buffer) => _inner.WriteLine(TerminalText.Escape(buffer.ToString()));

    public override void Flush() => _inner.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (_ownsInner)
            {
                _inner.Dispose();
            }
            else
            {
                _inner.Flush();
            }
        }

        base.Dispose(disposing);
    }
}
