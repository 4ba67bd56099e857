using System.Diagnostics;
using System.Globalization;
using Safeguarding.Rules.Benchmarks.Support;

namespace Safeguarding.Rules.Benchmarks;

/// <summary>
/// <c>--ratios N [rounds]</c>: same-run ratios on a shared machine. Builds the workload (with its agreement checks),
/// then runs rounds of engine, fast floor, oracle and RulesEngine back to back (default 15 rounds), and prints each
/// one's median over the last half of the rounds and the engine's ratio to each; interleaving puts the machine's noise
/// on all of them alike. <c>--workload v1|cp</c> picks the input (see <see cref="EvaluationWorkload"/>).
/// </summary>
internal static class RatioRun
{
    public static int Run(int offenders, int rounds, string workload, TextWriter output)
    {
        var work = EvaluationWorkload.Create(offenders, workload);
        work.EnsureAgreement();
        var report = work.Engine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratios input: {work.Snapshot.Offenders.Count:N0} offenders, {work.Snapshot.Visits.Count:N0} visits, {work.Snapshot.Briefings.Count:N0} briefings, {work.Snapshot.StrategyDiscussions.Count:N0} discussions, {work.Snapshot.Detentions.Count:N0} detentions, {work.Snapshot.PoliceProtections.Count:N0} protections, {work.Snapshot.Overrides.Count:N0} overrides; {report.Findings.Count:N0} findings, {report.Suppressed.Count:N0} suppressed"));
        var names = new[] { "engine", "floor", "oracle", "rulesEngine" };
        var runs = new Func<object>[] { work.Engine, work.Floor, work.Oracle, () => work.RulesEngine().GetAwaiter().GetResult() };
        var times = new List<double>[names.Length];
        for (var k = 0; k < names.Length; k++)
        {
            times[k] = [];
        }

        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < names.Length; k++)
            {
                var started = Stopwatch.GetTimestamp();
                GC.KeepAlive(runs[k]());
                times[k].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        var medians = times.Select(Median).ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratios offenders={offenders:N0} workload={workload} rounds={rounds} (medians of the last {rounds - (rounds / 2)}; {Environment.ProcessorCount} cores; load {Load()}; collector {Monitoring.MonitorLog.Collector})"));
        for (var k = 0; k < names.Length; k++)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratios {names[k]}Ms={medians[k]:F1} min={times[k].Skip(rounds / 2).Min():F1} engine/{names[k]}={medians[0] / medians[k]:F2}"));
        }

        return 0;
    }

    private static double Median(List<double> values)
    {
        var tail = values.Skip(values.Count / 2).Order().ToList();
        return tail.Count == 0 ? double.NaN : tail[tail.Count / 2];
    }

    /// <summary>The one-minute load average, where the system gives it.</summary>
    internal static string Load()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }
}
