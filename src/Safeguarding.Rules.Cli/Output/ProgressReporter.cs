using System.Diagnostics;

namespace Safeguarding.Rules.Cli.Output;

/// <summary>
/// Shows what a long step is doing on stderr, only when stderr is a terminal and only once the step
/// has taken more than a second. Never writes to stdout, so it cannot corrupt a findings document.
/// </summary>
internal sealed class ProgressReporter
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly TextWriter _error;
    private readonly bool _enabled;

    public ProgressReporter(TextWriter error, bool enabled)
    {
        _error = error;
        _enabled = enabled;
    }

    /// <summary>A reporter for the process's stderr: enabled when stderr is a terminal.</summary>
    public static ProgressReporter ForStandardError() => new(TerminalWriter.RawStandardError, !Console.IsErrorRedirected);

    /// <summary>Starts a step; dispose the result when it ends.</summary>
    /// <param name="activity">What the step does, e.g. <c>Reading caseload.json</c>.</param>
    /// <param name="detail">How far it has got, e.g. <c>42% (120.0 MB of 285.3 MB)</c>; <see langword="null"/> for elapsed time only.</param>
    public IDisposable Start(string activity, Func<string>? detail = null) =>
        _enabled ? new Step(_error, activity, detail) : NoStep.Instance;

    private sealed class NoStep : IDisposable
    {
        public static readonly NoStep Instance = new();

        public void Dispose()
        {
        }
    }

    private sealed class Step : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly TextWriter _error;
        private readonly string _activity;
        private readonly Func<string>? _detail;
        private readonly long _started = Stopwatch.GetTimestamp();
        private readonly Timer _timer;
        private int _shownLength;
        private bool _done;

        public Step(TextWriter error, string activity, Func<string>? detail)
        {
            _error = error;
            _activity = activity;
            _detail = detail;
            _timer = new Timer(_ => Show(), null, Delay, Interval);
        }

        public void Dispose()
        {
            _timer.Dispose();
            lock (_gate)
            {
                if (_done)
                {
                    return;
                }

                _done = true;
                if (_shownLength > 0)
                {
                    Write(_activity + ": done in " + Text.Seconds(Stopwatch.GetElapsedTime(_started)));
                    _error.WriteLine();
                    _error.Flush();
                }
            }
        }

        private void Show()
        {
            lock (_gate)
            {
                if (_done)
                {
                    return;
                }

                var line = _activity + "... " + Text.Seconds(Stopwatch.GetElapsedTime(_started));
                if (_detail is not null)
                {
                    line += "  " + _detail();
                }

                Write(line);
                _error.Flush();
            }
        }

        private void Write(string line)
        {
            line = TerminalText.Escape(line);
            var padding = Math.Max(0, _shownLength - line.Length);
            // The writer is the raw stderr (the carriage return is ours); the line, which can hold a path, is escaped here.
            _error.Write("\r" + line + new string(' ', padding));
            _shownLength = Math.Max(line.Length, 1);
        }
    }
}
