using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Safeguarding.Rules.Monitoring;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Benchmarks;

/// <summary>
/// <c>--monitor N OPS --profile</c>: where a reassignment's time goes, without a profiler (none is installed here).
/// Random reassignments as <see cref="MonitorRun"/> makes them, each split into the change's own work (checks, fact
/// updates and their propagation through the Rete network) and the rest (firing the touched sessions' agendas and
/// computing the returned changes), grouped by whether the two managers share a team and whether either is critical;
/// then the NRules node metrics summed over every session, the costliest nodes first, and the GC counts. With
/// <c>--load-only</c> only the loads beside full evaluations; with <c>--new-day-only</c> only new days beside full evaluations (20,
/// alternated, medians of wall clock and process CPU and their ratios).
/// </summary>
internal static class MonitorProfile
{
    public static void Run(SafeguardingEngine engine, Domain.CaseloadSnapshot snapshot, int operations, TextWriter output)
    {
        var arguments = Environment.GetCommandLineArgs();
        var newDayOnly = arguments.Contains("--new-day-only");
        if (!newDayOnly)
        {
            LoadProfile(engine, snapshot, output);
        }

        if (arguments.Contains("--load-only"))
        {
            return;
        }

        var monitor = SafeguardingMonitor.Load(engine, snapshot).Monitor!;
        var state = (MonitorState)typeof(SafeguardingMonitor).GetField("_state", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(monitor)!;
        var asOf = snapshot.AsOf!.Value;
        var teamOf = snapshot.Managers.ToDictionary(static m => m.Id, static m => m.TeamId, StringComparer.Ordinal);
        var managerOf = snapshot.Offenders.ToDictionary(static o => o.Id, static o => o.ManagerId, StringComparer.Ordinal);
        var critical = monitor.Current.Findings.Where(static f => f.Kind == FindingKinds.CaseloadCritical).Select(static f => f.ManagerId!).ToHashSet(StringComparer.Ordinal);
        var ids = snapshot.Offenders.Where(o => o.RegisteredOn <= asOf).Select(static o => o.Id).ToArray();
        var managers = snapshot.Managers.Select(static m => m.Id).ToArray();
        var random = new Random(11);
        foreach (var partition in state.Sessions())
        {
            partition.Session.Metrics.Reset();
        }

        if (newDayOnly)
        {
            // Warm the new day and the evaluation as the load profile warms the load, then time them alternated.
            for (var day = 1; day <= 3; day++)
            {
                new AsOfAdvanced(asOf.AddDays(day)).Apply(state);
                state.Finish();
                engine.Evaluate(snapshot, new EvaluationOptions { AsOf = asOf.AddDays(day) });
            }

            NewDays(engine, snapshot, state, asOf.AddDays(3), NewDaysOnly, output);
            return;
        }

        var groups = new Dictionary<string, (List<double> Apply, List<double> Finish)>(StringComparer.Ordinal);
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < operations; i++)
        {
            var offender = ids[random.Next(ids.Length)];
            var target = managers[random.Next(managers.Length)];
            var from = managerOf[offender];
            var key = (from is not null && string.Equals(teamOf[from], teamOf[target], StringComparison.Ordinal) ? "same team" : "other team")
                + ((from is not null && critical.Contains(from)) || critical.Contains(target) ? ", a critical manager" : ", no critical manager");
            var change = new OffenderReassigned(offender, target);
            var started = Stopwatch.GetTimestamp();
            change.Check(state, []);
            change.Apply(state);
            var applied = Stopwatch.GetTimestamp();
            var result = state.Finish();
            var finished = Stopwatch.GetTimestamp();
            if (!groups.TryGetValue(key, out var times))
            {
                groups[key] = times = ([], []);
            }

            times.Apply.Add(Stopwatch.GetElapsedTime(started, applied).TotalMicroseconds);
            times.Finish.Add(Stopwatch.GetElapsedTime(applied, finished).TotalMicroseconds);
            managerOf[offender] = target;
            foreach (var finding in result.Findings)
            {
                if (finding.Kind == FindingKinds.CaseloadCritical)
                {
                    critical.Add(finding.ManagerId!);
                }
            }

            foreach (var finding in result.ClearedFindings)
            {
                if (finding.Kind == FindingKinds.CaseloadCritical)
                {
                    critical.Remove(finding.ManagerId!);
                }
            }
        }

        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        output.WriteLine(Text($"profile reassign ops={operations:N0} allocatedPerOpBytes={bytes / operations:N0} gc0={GC.CollectionCount(0) - gcBefore.Item1} gc1={GC.CollectionCount(1) - gcBefore.Item2} gc2={GC.CollectionCount(2) - gcBefore.Item3}"));
        foreach (var (key, (apply, finish)) in groups.OrderBy(static g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine(Text($"profile reassign [{key}] ops={apply.Count:N0} share={100.0 * apply.Count / operations:F0}% applyMedianUs={Percentile(apply, 0.5):F1} applyP99Us={Percentile(apply, 0.99):F0} finishMedianUs={Percentile(finish, 0.5):F1} finishP99Us={Percentile(finish, 0.99):F0}"));
        }

        // The NRules node metrics of every session, by node: where the propagation time went.
        var schema = engine.SessionFactory.GetSchema().Nodes.ToDictionary(static n => n.Id);
        var totals = new Dictionary<int, (double Ms, long Inputs)>();
        foreach (var partition in state.Sessions())
        {
            foreach (var node in partition.Session.Metrics.GetAll())
            {
                totals.TryGetValue(node.NodeId, out var sum);
                totals[node.NodeId] = (sum.Ms + node.InsertDurationMilliseconds + node.UpdateDurationMilliseconds + node.RetractDurationMilliseconds,
                    sum.Inputs + node.InsertInputCount + node.UpdateInputCount + node.RetractInputCount);
            }
        }

        foreach (var (id, (ms, inputs)) in totals.OrderByDescending(static t => t.Value.Ms).Take(12))
        {
            var node = schema[id];
            output.WriteLine(Text($"profile node {id} {node.NodeType} {node.OutputType?.Name} ms={ms:F0} perOpUs={1000 * ms / operations:F1} inputs={inputs:N0} rules={string.Join(",", node.Rules.Select(static r => r.Name))}"));
        }

        NewDays(engine, snapshot, state, asOf, Days, output);
    }

    /// <summary>
    /// <paramref name="days"/> new days after <paramref name="from"/>, each split into the rebuild (the change's own work) and
    /// the comparison of every finding before and after, each beside a full evaluation of the same day (alternated): medians
    /// of wall clock and process CPU, their ratios, and the GC counts.
    /// </summary>
    private static void NewDays(SafeguardingEngine engine, Domain.CaseloadSnapshot snapshot, MonitorState state, DateOnly from, int days, TextWriter output)
    {
        var asOf = from;
        var rebuild = new List<double>();
        var compare = new List<double>();
        var evaluate = new List<double>();
        var newDayCpu = new List<double>();
        var evaluateCpu = new List<double>();
        var process = Process.GetCurrentProcess();
        var newDayGcs = new int[3];
        var evaluateGcs = new int[3];
        var newDay = new List<double>();
        for (var day = 1; day <= days; day++)
        {
            var gcs = Collections();
            var change = new AsOfAdvanced(asOf.AddDays(day));
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            change.Apply(state);
            var applied = Stopwatch.GetTimestamp();
            state.Finish();
            var finished = Stopwatch.GetTimestamp();
            process.Refresh();
            newDayCpu.Add((process.TotalProcessorTime - cpu).TotalMilliseconds);
            var after = Collections();
            for (var g = 0; g < 3; g++)
            {
                newDayGcs[g] += after[g] - gcs[g];
            }

            gcs = after;
            rebuild.Add(Stopwatch.GetElapsedTime(started, applied).TotalMilliseconds);
            newDay.Add(Stopwatch.GetElapsedTime(started, finished).TotalMilliseconds);
            compare.Add(Stopwatch.GetElapsedTime(applied, finished).TotalMilliseconds);
            cpu = process.TotalProcessorTime;
            started = Stopwatch.GetTimestamp();
            engine.Evaluate(snapshot, new EvaluationOptions { AsOf = asOf.AddDays(day) });
            evaluate.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            process.Refresh();
            evaluateCpu.Add((process.TotalProcessorTime - cpu).TotalMilliseconds);
            after = Collections();
            for (var g = 0; g < 3; g++)
            {
                evaluateGcs[g] += after[g] - gcs[g];
            }
        }

        output.WriteLine(Text($"profile newDay newDayMs={Percentile(newDay, 0.5):F0} rebuildMs={Percentile(rebuild, 0.5):F0} compareMs={Percentile(compare, 0.5):F0} fullEvaluationMs={Percentile(evaluate, 0.5):F0} ratio={Percentile(newDay, 0.5) / Percentile(evaluate, 0.5):F2} processCpuMs newDay={Percentile(newDayCpu, 0.5):F0} fullEvaluation={Percentile(evaluateCpu, 0.5):F0} cpuRatio={Percentile(newDayCpu, 0.5) / Percentile(evaluateCpu, 0.5):F2} (medians of {days}, alternated) gen0/1/2 in {days} newDay={string.Join("/", newDayGcs)} fullEvaluation={string.Join("/", evaluateGcs)}"));
    }

    /// <summary>
    /// The load beside a full evaluation of the same snapshot and date, alternated after three warm-ups of each: wall
    /// clock and process CPU (both cores, without the wait), medians of <see cref="Loads"/>, and the GC counts.
    /// </summary>
    private static void LoadProfile(SafeguardingEngine engine, Domain.CaseloadSnapshot snapshot, TextWriter output)
    {
        var options = new EvaluationOptions { AsOf = snapshot.AsOf };
        for (var i = 0; i < 3; i++)
        {
            engine.Evaluate(snapshot, options);
            SafeguardingMonitor.Load(engine, snapshot);
        }

        var process = Process.GetCurrentProcess();
        var load = new List<double>();
        var loadCpu = new List<double>();
        var evaluate = new List<double>();
        var evaluateCpu = new List<double>();
        var loadGcs = new int[3];
        var evaluateGcs = new int[3];
        long loadBytes = 0, evaluateBytes = 0;
        for (var i = 0; i < Loads; i++)
        {
            var allocated = GC.GetTotalAllocatedBytes(true);
            Measure(() => SafeguardingMonitor.Load(engine, snapshot), load, loadCpu, loadGcs);
            var between = GC.GetTotalAllocatedBytes(true);
            Measure(() => engine.Evaluate(snapshot, options), evaluate, evaluateCpu, evaluateGcs);
            loadBytes += between - allocated;
            evaluateBytes += GC.GetTotalAllocatedBytes(true) - between;
        }

        output.WriteLine(Text($"profile load loadMs={Percentile(load, 0.5):F0} fullEvaluationMs={Percentile(evaluate, 0.5):F0} ratio={Percentile(load, 0.5) / Percentile(evaluate, 0.5):F2} processCpuMs load={Percentile(loadCpu, 0.5):F0} fullEvaluation={Percentile(evaluateCpu, 0.5):F0} cpuRatio={Percentile(loadCpu, 0.5) / Percentile(evaluateCpu, 0.5):F2} (medians of {Loads}, alternated) gen0/1/2 in {Loads} load={string.Join("/", loadGcs)} fullEvaluation={string.Join("/", evaluateGcs)} allocatedMiB load={loadBytes / Loads / 1048576.0:F0} fullEvaluation={evaluateBytes / Loads / 1048576.0:F0}"));

        void Measure(Func<object> run, List<double> wall, List<double> cpu, int[] gcs)
        {
            var before = Collections();
            process.Refresh();
            var cpuStarted = process.TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            GC.KeepAlive(run());
            wall.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuStarted).TotalMilliseconds);
            var after = Collections();
            for (var g = 0; g < 3; g++)
            {
                gcs[g] += after[g] - before[g];
            }
        }
    }

    /// <summary>How many loads (each beside a full evaluation) the profile times.</summary>
    private const int Loads = 10;

    /// <summary>How many new days (each beside a full evaluation) the profile times.</summary>
    private const int Days = 10;

    /// <summary>How many new days <c>--new-day-only</c> times (no load profile or reassignments before them).</summary>
    private const int NewDaysOnly = 20;

    private static int[] Collections() => [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

    private static double Percentile(List<double> values, double share)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * share))];
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
