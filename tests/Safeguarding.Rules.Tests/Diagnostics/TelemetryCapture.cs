using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Safeguarding.Rules.Diagnostics;

namespace Safeguarding.Rules.Tests.Diagnostics;

/// <summary>One measurement of the library's meter, with the trace it was recorded in.</summary>
internal sealed record Measured(string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, object?> Tags, ActivityTraceId? Trace);

/// <summary>
/// Listens to the library's meter and activity source while it lives, and keeps only what one test's own evaluations
/// record. Listeners are global and other test classes evaluate in parallel, so every test runs its evaluations inside
/// <see cref="Run"/>, under a parent activity of its own, and reads back only what happened in that trace.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _activities;
    private readonly ConcurrentQueue<Measured> _measurements = new();
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private ActivityTraceId _trace;

    public TelemetryCapture()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SafeguardingRulesDiagnostics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SafeguardingRulesDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _stopped.Enqueue(activity),
        };
        ActivitySource.AddActivityListener(_activities);
    }

    /// <summary>The measurements recorded in this test's trace.</summary>
    public IReadOnlyList<Measured> Measurements => _measurements.Where(m => m.Trace == _trace).ToList();

    /// <summary>The library's activities of this test's trace, in the order they stopped.</summary>
    public IReadOnlyList<Activity> Activities => _stopped.Where(a => a.TraceId == _trace).ToList();

    /// <summary>The parent activity the test's evaluations ran under.</summary>
    public Activity? Parent { get; private set; }

    /// <summary>Runs <paramref name="evaluate"/> under a parent activity of this test's own.</summary>
    public T Run<T>(Func<T> evaluate)
    {
        using var parent = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();
        _trace = parent.TraceId;
        Parent = parent;
        return evaluate();
    }

    public IEnumerable<Measured> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument);

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copied = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copied[tag.Key] = tag.Value;
        }

        _measurements.Enqueue(new Measured(instrument.Name, instrument.Unit, value, copied, Activity.Current?.TraceId));
    }
}
