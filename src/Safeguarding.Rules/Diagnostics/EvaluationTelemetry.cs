using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Safeguarding.Rules.Diagnostics;

/// <summary>
/// Records each evaluation on the library's meter and activity source (see <see cref="SafeguardingRulesDiagnostics"/>).
/// Costs next to nothing when nobody listens: no activity is created and the instruments drop their measurements.
/// </summary>
internal static class EvaluationTelemetry
{
    public const string EvaluateActivity = "safeguarding.rules.evaluate";
    public const string PrepareActivity = "safeguarding.rules.prepare";
    public const string RulesActivity = "safeguarding.rules.run_rules";
    public const string ReportActivity = "safeguarding.rules.report";

    public const string KindTag = "kind";
    public const string OutcomeTag = "outcome";
    public const string Evaluated = "evaluated";
    public const string Rejected = "rejected";

    private static readonly string? LibraryVersion = typeof(EvaluationTelemetry).Assembly.GetName().Version?.ToString(3);

    private static readonly ActivitySource Source = new(SafeguardingRulesDiagnostics.ActivitySourceName, LibraryVersion);

    private static readonly Meter Meter = new(SafeguardingRulesDiagnostics.MeterName, LibraryVersion);

    private static readonly Histogram<double> Duration = CreateDuration();

    private static readonly Counter<long> OffendersEvaluated = Meter.CreateCounter<long>(
        "safeguarding.rules.offenders.evaluated", "{offender}", "Offenders evaluated against the policy.");

    private static readonly Counter<long> Findings = Meter.CreateCounter<long>(
        "safeguarding.rules.findings", "{finding}", "Findings raised, by kind.");

    private static readonly Counter<long> InputProblems = Meter.CreateCounter<long>(
        "safeguarding.rules.input.problems", "{problem}", "Problems found in the input, by whether the run went on (evaluated) or stopped (rejected).");

    private static readonly KeyValuePair<string, object?> EvaluatedOutcome = new(OutcomeTag, Evaluated);
    private static readonly KeyValuePair<string, object?> RejectedOutcome = new(OutcomeTag, Rejected);

    /// <summary>Starts the evaluation's activity; <see langword="null"/> when nobody listens. Dispose it when the evaluation ends.</summary>
    public static Activity? StartEvaluation() => Source.StartActivity(EvaluateActivity, ActivityKind.Internal);

    /// <summary>Records a run that input problems stopped before any evaluation.</summary>
    /// <param name="activity">The evaluation's activity, if any.</param>
    /// <param name="started">The <see cref="Stopwatch.GetTimestamp"/> at the start of the evaluation.</param>
    /// <param name="problems">The number of input problems.</param>
    public static void RecordRejected(Activity? activity, long started, int problems)
    {
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, RejectedOutcome);
        InputProblems.Add(problems, RejectedOutcome);
        if (activity is not null)
        {
            activity.SetTag(OutcomeTag, Rejected);
            activity.SetTag("input.problems", problems);
        }
    }

    /// <summary>Records an evaluation and its phases, from the timestamps the engine takes for its log line.</summary>
    /// <param name="activity">The evaluation's activity, if any.</param>
    /// <param name="started">The <see cref="Stopwatch.GetTimestamp"/> at the start.</param>
    /// <param name="prepared">... when the records were checked, aggregated and partitioned.</param>
    /// <param name="ruled">... when the rules' sessions had all fired.</param>
    /// <param name="finished">... when the report was joined and summarised.</param>
    /// <param name="summary">The report's summary.</param>
    /// <param name="problems">The number of input problems (partial results).</param>
    public static void RecordEvaluated(Activity? activity, long started, long prepared, long ruled, long finished, EvaluationSummary summary, int problems)
    {
        Duration.Record(Stopwatch.GetElapsedTime(started, finished).TotalSeconds, EvaluatedOutcome);
        OffendersEvaluated.Add(summary.Evaluated);
        if (problems > 0)
        {
            InputProblems.Add(problems, EvaluatedOutcome);
        }

        var findings = 0;
        foreach (var (kind, count) in summary.FindingsByKind)
        {
            findings += count;
            Findings.Add(count, new KeyValuePair<string, object?>(KindTag, kind));
        }

        if (activity is null)
        {
            return;
        }

        activity.SetTag(OutcomeTag, Evaluated);
        activity.SetTag("offenders", summary.Offenders);
        activity.SetTag("offenders.evaluated", summary.Evaluated);
        activity.SetTag("findings", findings);
        activity.SetTag("input.problems", problems);

        // The phases have ended already: each is recorded as a child with the times the engine measured, and the
        // evaluation ends when the last one does, on the same clock (the monotonic one), so the phases always lie within
        // it (wall-clock time, which the activity would otherwise end on, can drift from it by microseconds).
        var origin = activity.StartTimeUtc;
        Phase(activity, PrepareActivity, origin, started, started, prepared);
        Phase(activity, RulesActivity, origin, started, prepared, ruled);
        Phase(activity, ReportActivity, origin, started, ruled, finished);
        activity.SetEndTime(origin + Stopwatch.GetElapsedTime(started, finished));
    }

    private static void Phase(Activity parent, string name, DateTime origin, long started, long from, long to)
    {
        var start = new DateTimeOffset(origin + Stopwatch.GetElapsedTime(started, from), TimeSpan.Zero);
        using var phase = Source.StartActivity(name, ActivityKind.Internal, parent.Context, startTime: start);
        phase?.SetEndTime(origin + Stopwatch.GetElapsedTime(started, to));
    }

    private static Histogram<double> CreateDuration()
    {
        const string Name = "safeguarding.rules.evaluation.duration";
        const string Unit = "s";
        const string Description = "How long an evaluation took, from the call to the report.";
#if NET9_0_OR_GREATER
        // Seconds, not the milliseconds OpenTelemetry's default buckets assume: from a small team to a million offenders.
        return Meter.CreateHistogram(Name, Unit, Description, tags: null, advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
        });
#else
        return Meter.CreateHistogram<double>(Name, Unit, Description);
#endif
    }
}
