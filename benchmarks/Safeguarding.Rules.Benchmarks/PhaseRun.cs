using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Safeguarding.Rules.Evaluation;

namespace Safeguarding.Rules.Benchmarks;

/// <summary>
/// <c>--phases N [evaluations]</c>: where an evaluation's time goes. Generates N offenders, evaluates them over and over
/// (default 40 times) and prints, over the second half (the first half is the JIT warming up), the median of each phase
/// the engine reports in its log line (checking and aggregating the records, the rules' sessions, joining their
/// results), of the CPU time, and of the garbage collector's pauses, with the collections per evaluation.
/// <c>--threads 1</c> runs the engine on the calling thread alone, so that the calling thread's CPU time
/// (<c>threadCpuMs</c>, garbage collections included) measures the work itself, which the machine's load barely moves:
/// the figure to compare two builds by on a shared machine. <c>--partition P</c> sets the options' partition size.
/// </summary>
internal static class PhaseRun
{
    public static int Run(int offenders, int evaluations, TextWriter output, string workload = Support.EvaluationWorkload.V1, int? threads = null, int? partitionSize = null)
    {
        var log = new PhaseLog();
        var settings = new SafeguardingRulesOptions();
        if (threads is { } n)
        {
            settings.MaxDegreeOfParallelism = n;
        }

        if (partitionSize is { } size)
        {
            settings.PartitionSize = size;
        }

        var engine = new SafeguardingEngine(settings, logger: log);
        var snapshot = Support.EvaluationWorkload.Generate(offenders, workload);
        var options = new EvaluationOptions { AsOf = snapshot.AsOf };
        var wall = new List<double>();
        var cpu = new List<double>();
        var pauses = new List<double>();
        var allocated = new List<double>();
        var threadCpu = new List<double>();
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < evaluations; i++)
        {
            if (i == evaluations / 2)
            {
                (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            }

            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var pauseBefore = GC.GetTotalPauseDuration();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
            var threadBefore = ThreadCpuClock.NowMicroseconds();
            var started = Stopwatch.GetTimestamp();
            var report = engine.Evaluate(snapshot, options);
            wall.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (ThreadCpuClock.NowMicroseconds() is { } threadAfter && threadBefore is { } before)
            {
                threadCpu.Add((threadAfter - before) / 1000);
            }
            pauses.Add((GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds);
            allocated.Add((GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore) / 1_000_000.0);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            if (!report.IsEvaluated)
            {
                output.WriteLine("phases: the generated snapshot was not evaluated");
                return 1;
            }
        }

        if (log.Prepare.Count != evaluations || log.Rules.Count != evaluations || log.Report.Count != evaluations)
        {
            output.WriteLine("phases: the engine's log line did not carry PrepareMs, RulesMs and ReportMs for every evaluation");
            return 1;
        }

        var measured = evaluations - (evaluations / 2);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"phases offenders={offenders:N0} workload={workload} evaluations={evaluations} (medians of the last {measured}; {Environment.ProcessorCount} cores; engine threads {(threads is { } t ? t.ToString(CultureInfo.InvariantCulture) : "default")}; partitions of {settings.PartitionSize:N0}; collector {Monitoring.MonitorLog.Collector})\n"
            + $"phases evaluateMs={Median(wall):F1} checkAndAggregateMs={Median(log.Prepare):F1} rulesMs={Median(log.Rules):F1} joinMs={Median(log.Report):F1}\n"
            + $"phases cpuMs={Median(cpu):F0} threadCpuMs={Median(threadCpu):F0} allocatedMB={Median(allocated):F0} gcPauseMs={Median(pauses):F1} collectionsPerEvaluation gen0={(GC.CollectionCount(0) - gen0) / (double)measured:F1} gen1={(GC.CollectionCount(1) - gen1) / (double)measured:F1} gen2={(GC.CollectionCount(2) - gen2) / (double)measured:F1}"));
        return 0;

        double Median(List<double> values)
        {
            var tail = values.Skip(values.Count / 2).Order().ToList();
            return tail.Count == 0 ? double.NaN : tail[tail.Count / 2];
        }
    }

    /// <summary>Keeps the phase timings of the engine's "Evaluated ..." log line (structured values, not parsed text).</summary>
    private sealed class PhaseLog : ILogger<SafeguardingEngine>
    {
        public List<double> Prepare { get; } = [];

        public List<double> Rules { get; } = [];

        public List<double> Report { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is not IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                return;
            }

            foreach (var (name, value) in values)
            {
                var list = name switch
                {
                    "PrepareMs" => Prepare,
                    "RulesMs" => Rules,
                    "ReportMs" => Report,
                    _ => null,
                };
                if (list is not null && value is double milliseconds)
                {
                    list.Add(milliseconds);
                }
            }
        }
    }
}
