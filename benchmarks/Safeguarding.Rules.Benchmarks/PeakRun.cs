using System.Diagnostics;
using System.Globalization;
using Safeguarding.Rules.Evaluation;

namespace Safeguarding.Rules.Benchmarks;

/// <summary>
/// <c>--peak N</c>: in a fresh process, compile the engine (truly cold: first use of NRules and the JIT), generate N
/// offenders, evaluate once, and print the timings and the working set. Run it under <c>/usr/bin/time -v</c> for the
/// kernel's view of the peak (maximum resident set size).
/// </summary>
internal static class PeakRun
{
    private const double MiB = 1024 * 1024;

    public static int Run(int offenders, TextWriter output)
    {
        var started = Stopwatch.GetTimestamp();
        var engine = new SafeguardingEngine();
        var compileMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        started = Stopwatch.GetTimestamp();
        var snapshot = Support.EvaluationWorkload.Generate(offenders, Support.EvaluationWorkload.V1);
        var generateMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var beforeEvaluate = Environment.WorkingSet;

        started = Stopwatch.GetTimestamp();
        var report = engine.Evaluate(snapshot, new EvaluationOptions { AsOf = snapshot.AsOf });
        var evaluateMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var afterEvaluate = Environment.WorkingSet;

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var gc = GC.GetGCMemoryInfo();
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"peak offenders={offenders:N0} visits={snapshot.Visits.Count:N0} managers={snapshot.Managers.Count:N0} evaluated={report.IsEvaluated} findings={report.Findings.Count:N0}\n"
            + $"peak compileMs(cold)={compileMs:F1} generateMs={generateMs:F0} evaluateMs(first)={evaluateMs:F0}\n"
            + $"peak workingSetBeforeEvaluateMiB={beforeEvaluate / MiB:F0} workingSetAfterEvaluateMiB={afterEvaluate / MiB:F0} peakWorkingSetMiB={process.PeakWorkingSet64 / MiB:F0} gcHeapAfterMiB={gc.HeapSizeBytes / MiB:F0} gcCommittedMiB={gc.TotalCommittedBytes / MiB:F0}");
        output.WriteLine(line);
        GC.KeepAlive(snapshot);
        return report.IsEvaluated ? 0 : 1;
    }
}
