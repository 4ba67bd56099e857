using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Safeguarding.Rules.Cli.Diagnostics;

/// <summary>
/// The phases of one <c>evaluate</c> process, for the whole-process benchmark (benchmarks/README.md, "The whole
/// process"): with the environment variable <c>SAFEGUARDING_RULES_TIMINGS=1</c>, <c>evaluate</c> ends by writing one
/// line to stderr, <c>timings startupMs=... readMs=... compileMs=... checkMs=... rulesMs=... joinMs=... evaluateMs=...
/// writeMs=... totalMs=... cpuMs=... peakWorkingSetMB=... startupCpuMs=... readCpuMs=... peakAfterReadMB=...</c>. Start-up is the runtime's, from the process's start to the
/// command's first line; check, rules and join are the engine's own phase timings (its "Evaluated" log line); the
/// rest is measured around each step. The engine is compiled on another thread while the snapshot is read, so
/// compile is only the time spent waiting for it after the read (0 when reading took longer). Numbers only: nothing of the input is written.
/// </summary>
internal sealed class PhaseTimings : ILogger<SafeguardingEngine>
{
    /// <summary>The environment variable that turns the line on.</summary>
    public const string Variable = "SAFEGUARDING_RULES_TIMINGS";

    private readonly double _startupMs;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly List<(string Name, double Milliseconds, double CpuMs, double PeakMB)> _phases = [];
    private long _mark;
    private readonly double _startupCpuMs;
    private TimeSpan _cpuMark;
    private double _checkMs = double.NaN;
    private double _rulesMs = double.NaN;
    private double _joinMs = double.NaN;

    /// <summary>The command's thread: the engine's log lines from any other are the warm-up evaluation's (<see cref="Commands.BackgroundEngine"/>).</summary>
    private readonly int _thread = Environment.CurrentManagedThreadId;

    internal PhaseTimings()
    {
        using var process = Process.GetCurrentProcess();
        _startupMs = (DateTime.Now - process.StartTime).TotalMilliseconds;
        _cpuMark = process.TotalProcessorTime;
        _startupCpuMs = _cpuMark.TotalMilliseconds;
        _mark = _started;
    }

    /// <summary>The timings of this process when <see cref="Variable"/> is set, else <see langword="null"/> (no cost).</summary>
    public static PhaseTimings? StartIfAsked() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value && value != "0" ? new PhaseTimings() : null;

    /// <summary>Ends the phase <paramref name="name"/>: the time since the previous mark (or the start).</summary>
    public void Mark(string name)
    {
        var now = Stopwatch.GetTimestamp();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        _phases.Add((name, Stopwatch.GetElapsedTime(_mark, now).TotalMilliseconds, (cpu - _cpuMark).TotalMilliseconds, process.PeakWorkingSet64 / (1024.0 * 1024.0)));
        _cpuMark = cpu;
        _mark = Stopwatch.GetTimestamp();
    }

    /// <summary>Writes the line to <paramref name="error"/>.</summary>
    public void Write(TextWriter error)
    {
        using var process = Process.GetCurrentProcess();
        var line = new System.Text.StringBuilder("timings");
        Add(line, "startupMs", _startupMs);
        foreach (var (name, milliseconds, _, _) in _phases)
        {
            Add(line, name + "Ms", milliseconds);
            if (name == "evaluate")
            {
                Add(line, "checkMs", _checkMs);
                Add(line, "rulesMs", _rulesMs);
                Add(line, "joinMs", _joinMs);
            }
        }

        Add(line, "totalMs", _startupMs + Stopwatch.GetElapsedTime(_started).TotalMilliseconds);
        Add(line, "cpuMs", process.TotalProcessorTime.TotalMilliseconds);
        Add(line, "peakWorkingSetMB", process.PeakWorkingSet64 / (1024.0 * 1024.0));
        Add(line, "startupCpuMs", _startupCpuMs);
        foreach (var (name, _, cpuMs, _) in _phases)
        {
            // The processor time of every thread during each phase (the engine's compilation runs beside the read).
            Add(line, name + "CpuMs", cpuMs);
        }

        foreach (var (name, _, _, peakMB) in _phases)
        {
            // The peak so far at the end of each phase: which phase sets the process's peak.
            Add(line, "peakAfter" + char.ToUpperInvariant(name[0]) + name[1..] + "MB", peakMB);
        }

        error.WriteLine(line.ToString());
    }

    /// <inheritdoc/>
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc/>
    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    /// <summary>Keeps the engine's phase timings from its "Evaluated" log line (structured values, not parsed text).</summary>
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (state is not IReadOnlyList<KeyValuePair<string, object?>> values || Environment.CurrentManagedThreadId != _thread)
        {
            return;
        }

        foreach (var (name, value) in values)
        {
            if (value is double milliseconds)
            {
                switch (name)
                {
                    case "PrepareMs":
                        _checkMs = milliseconds;
                        break;
                    case "RulesMs":
                        _rulesMs = milliseconds;
                        break;
                    case "ReportMs":
                        _joinMs = milliseconds;
                        break;
                }
            }
        }
    }

    private static void Add(System.Text.StringBuilder line, string name, double value) =>
        line.Append(' ').Append(name).Append('=').Append(value.ToString("F1", CultureInfo.InvariantCulture));
}
