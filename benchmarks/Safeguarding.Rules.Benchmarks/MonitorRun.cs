using System.Diagnostics;
using System.Globalization;
using Safeguarding.Rules.Benchmarks.Baselines;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Monitoring;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Benchmarks;

/// <summary>
/// <c>--monitor [N] [ops]</c>: the live monitor's figures (issue 11) with per-operation Stopwatch histograms, which
/// BenchmarkDotNet (medians of iterations) cannot give: load N offenders (default 100,000) against a full evaluation;
/// record a visit and reassign an offender, each <c>ops</c> times (default 10,000), median / p99 / max including the
/// returned changes; a reassignment that makes a manager critical; advancing the date by one day against a full
/// evaluation; child-protection updates (an arrival, an outcome, a protection ended) and overrides added and removed;
/// the working set of the loaded monitor. Beside them, what a team would do instead: Microsoft RulesEngine
/// re-running the affected offender's rules, and a full re-evaluation per change (a few samples: each takes as long as
/// an evaluation). Prints the load average first: the figures mean little on a loaded machine.
/// </summary>
internal static class MonitorRun
{
    private const double MiB = 1024 * 1024;

    public static int Run(int offenders, int operations, TextWriter output)
    {
        output.WriteLine("monitor loadavg(before)=" + LoadAverage() + " collector=" + Monitoring.MonitorLog.Collector);
        var engine = new SafeguardingEngine();
        var snapshot = SyntheticCaseload.Generate(offenders);
        var asOf = snapshot.AsOf!.Value;
        if (Environment.GetCommandLineArgs().Contains("--profile"))
        {
            MonitorProfile.Run(engine, snapshot, operations, output);
            return 0;
        }
        var options = new EvaluationOptions { AsOf = asOf };

        // Warm both paths, then alternate them (evaluation, load, evaluation, ...) so that both run at the same stage of
        // the JIT's tiering and the same load: measured one after the other, the evaluations ran before the JIT had
        // finished (about 450 ms) and later ones in the same process took about 260 ms.
        for (var i = 0; i < 3; i++)
        {
            engine.Evaluate(snapshot, options);
            SafeguardingMonitor.Load(engine, snapshot);
        }

        var (evaluate, load) = Alternated(5, () => engine.Evaluate(snapshot, options), () => SafeguardingMonitor.Load(engine, snapshot));
        output.WriteLine(Line($"monitor offenders={offenders:N0} fullEvaluationMs(median of 5, alternated)={evaluate:F0} loadMs(median of 5)={load:F0} ratio={load / evaluate:F2}"));

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = Environment.WorkingSet;
        var monitor = SafeguardingMonitor.Load(engine, snapshot).Monitor!;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        output.WriteLine(Line($"monitor workingSetMiB(loaded)={Environment.WorkingSet / MiB:F0} (process before the load {baseline / MiB:F0}, snapshot included) gcHeapMiB={GC.GetGCMemoryInfo().HeapSizeBytes / MiB:F0}"));

        var random = new Random(7);
        var ids = snapshot.Offenders.Where(o => o.RegisteredOn <= asOf).Select(static o => o.Id).ToArray();
        var managers = snapshot.Managers.Select(static m => m.Id).ToArray();

        // Recording a visit: a completed or no-access visit on a recent day for a random offender.
        var visits = Histogram(operations, i => monitor.Apply(new VisitRecorded(new Visit
        {
            OffenderId = ids[random.Next(ids.Length)],
            Date = asOf.AddDays(-random.Next(0, 60)),
            Outcome = random.Next(4) == 0 ? VisitOutcome.NoAccess : VisitOutcome.Completed,
        })));
        output.WriteLine("monitor recordVisit " + visits);

        var reassign = Histogram(operations, i => monitor.Apply(new OffenderReassigned(ids[random.Next(ids.Length)], managers[random.Next(managers.Length)])));
        output.WriteLine("monitor reassign " + reassign);

        // A reassignment that makes a manager critical: move offenders onto one manager until it turns critical, then
        // time moving the last one back on after moving it away (untimed), so that each timed call re-escalates the
        // manager's overdue visits.
        var target = managers[0];
        var other = managers[1];
        var donors = snapshot.Offenders.Where(o => o.RegisteredOn <= asOf && !o.InCustody).Select(static o => o.Id).ToArray();
        string? pivot = null;
        foreach (var donor in donors)
        {
            var moved = monitor.Apply(new OffenderReassigned(donor, target));
            if (moved.Findings.Any(f => f.Kind == FindingKinds.CaseloadCritical && f.ManagerId == target && f.OffenderId is null))
            {
                pivot = donor;
                break;
            }
        }

        var crossingCount = Math.Max(200, operations / 50);
        var crossings = new double[crossingCount];
        var escalated = 0;
        for (var i = 0; i < crossingCount; i++)
        {
            monitor.Apply(new OffenderReassigned(pivot!, other));
            var started = Stopwatch.GetTimestamp();
            var result = monitor.Apply(new OffenderReassigned(pivot!, target));
            crossings[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            escalated = result.Escalated;
        }

        output.WriteLine(Line($"monitor reassignMakingCritical manager={target} escalatedPerCall={escalated} ") + Distribution(crossings));

        // Child-protection records (added untimed: 2,000 detentions, 1,000 discussions, 200 protections, around the end of
        // the as-of day) and overrides, then each kind of update timed: an appropriate adult's arrival, a discussion's
        // outcome, a protection ended, an override added and one removed.
        var cp = new Random(13);
        var endOfDay = new DateTimeOffset(asOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(23);
        var teams = snapshot.Teams!;
        var detentions = Enumerable.Range(0, 2_000).Select(i => new Detention
        {
            Id = "CUS-M" + i.ToString(CultureInfo.InvariantCulture),
            CustodySuiteId = "CS-" + (i % 20).ToString(CultureInfo.InvariantCulture),
            Juvenile = i % 8 != 0,
            AuthorisedAt = endOfDay.AddMinutes(-cp.Next(30, 3_000)),
        }).ToArray();
        var discussions = Enumerable.Range(0, 1_000).Select(i => new StrategyDiscussion
        {
            Id = "SD-M" + i.ToString(CultureInfo.InvariantCulture),
            TeamId = teams[i % teams.Count].Id,
            HeldOn = asOf.AddDays(-cp.Next(0, 15)),
            Actions = [new StrategyAction { Id = "1", Owner = ActionOwner.Police, DueOn = asOf.AddDays(-cp.Next(-5, 10)) }],
        }).ToArray();
        var protections = Enumerable.Range(0, 200).Select(i => new PoliceProtection
        {
            Id = "PP-M" + i.ToString(CultureInfo.InvariantCulture),
            TeamId = teams[i % teams.Count].Id,
            StartedAt = endOfDay.AddMinutes(-cp.Next(60, 6_000)),
        }).ToArray();
        foreach (var detention in detentions)
        {
            monitor.Apply(new DetentionRecorded(detention));
        }

        foreach (var discussion in discussions)
        {
            monitor.Apply(new StrategyDiscussionRecorded(discussion));
        }

        foreach (var protection in protections)
        {
            monitor.Apply(new PoliceProtectionRecorded(protection));
        }

        var arrivals = Histogram(operations, i =>
        {
            var detention = detentions[cp.Next(detentions.Length)];
            return monitor.Apply(new DetentionRecorded(detention with { AppropriateAdultArrivedAt = detention.AuthorisedAt.AddMinutes(cp.Next(10, 400)) }));
        });
        output.WriteLine("monitor appropriateAdultArrived " + arrivals);
        var outcomes = Histogram(operations, i =>
        {
            var discussion = discussions[cp.Next(discussions.Length)];
            return monitor.Apply(new StrategyDiscussionRecorded(discussion with { OutcomeRecordedOn = discussion.HeldOn.AddDays(cp.Next(0, 4)) }));
        });
        output.WriteLine("monitor strategyOutcomeRecorded " + outcomes);
        var ended = Histogram(operations, i =>
        {
            var protection = protections[cp.Next(protections.Length)];
            return monitor.Apply(new PoliceProtectionRecorded(protection with { EndedAt = protection.StartedAt.AddMinutes(cp.Next(60, 6_000)) }));
        });
        output.WriteLine("monitor policeProtectionEnded " + ended);
        var added = new double[operations];
        var removed = new double[operations];
        for (var i = 0; i < operations; i++)
        {
            var id = "OV-M" + i.ToString(CultureInfo.InvariantCulture);
            var started = Stopwatch.GetTimestamp();
            monitor.Apply(new OverrideAdded(new Override { Id = id, FindingId = "VisitOverdue:" + ids[cp.Next(ids.Length)], ReasonCode = "IN_HOSPITAL", AuthorisedBy = "DS-1", From = asOf.AddDays(-5), Until = asOf.AddDays(10) }));
            added[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            started = Stopwatch.GetTimestamp();
            monitor.Apply(new OverrideRemoved(id));
            removed[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        output.WriteLine("monitor overrideAdded " + Distribution(added));
        output.WriteLine("monitor overrideRemoved " + Distribution(removed));

        // Advancing the date by one day against a full evaluation of the same day, alternated.
        var (advance, sameDay) = Alternated(
            5,
            () => monitor.Apply(new AsOfAdvanced(monitor.AsOf.AddDays(1))),
            () => engine.Evaluate(snapshot, new EvaluationOptions { AsOf = monitor.AsOf }));
        output.WriteLine(Line($"monitor advanceOneDayMs(median of 5, alternated)={advance:F0} fullEvaluationMs={sameDay:F0} ratio={advance / sameDay:F2}"));

        // What a team would do instead: Microsoft RulesEngine re-running the offender's rules (its record prepared again).
        var baselineEngine = new RulesEngineBaseline(new SafeguardingPolicy());
        var inputs = RulesEngineInputs.Prepare(snapshot, asOf, new SafeguardingPolicy());
        var rerun = Histogram(operations, i =>
        {
            var o = inputs.Offenders[random.Next(inputs.Offenders.Count)];
            var again = new OffenderInput
            {
                Id = o.Id,
                ManagerId = o.ManagerId,
                TeamId = o.TeamId,
                Risk = o.Risk,
                InCustody = o.InCustody,
                ReactiveManagement = o.ReactiveManagement,
                NeedsVisits = o.NeedsVisits,
                DueOn = o.DueOn,
                DaysOverdue = o.DaysOverdue - random.Next(0, 60),
                NoAccessVisits = o.NoAccessVisits,
                ManagerCaseload = o.ManagerCaseload,
                DaysPastRiskReviewDue = o.DaysPastRiskReviewDue,
                NeighbourhoodId = o.NeighbourhoodId,
                DaysSinceBriefingReference = o.DaysSinceBriefingReference,
                BriefedSinceReference = o.BriefedSinceReference,
            };
            return baselineEngine.EvaluateOffenderAsync(again).GetAwaiter().GetResult();
        });
        output.WriteLine("monitor rulesEngineOffenderRerun " + rerun);

        var full = Histogram(5, i => engine.Evaluate(snapshot, options));
        output.WriteLine("monitor fullReevaluationPerChange " + full);
        output.WriteLine("monitor loadavg(after)=" + LoadAverage());
        GC.KeepAlive(monitor);
        return 0;
    }

    /// <summary>The medians of <paramref name="first"/> and <paramref name="second"/>, run in turn <paramref name="runs"/> times each.</summary>
    private static (double First, double Second) Alternated(int runs, Func<object> first, Func<object> second)
    {
        var a = new double[runs];
        var b = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            GC.KeepAlive(first());
            a[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            started = Stopwatch.GetTimestamp();
            GC.KeepAlive(second());
            b[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(a);
        Array.Sort(b);
        return (a[runs / 2], b[runs / 2]);
    }

    /// <summary>
    /// Times each of <paramref name="operations"/> calls on its own and gives the distribution in microseconds: wall clock,
    /// then the thread's CPU time (<c>cpu</c>: the same without the time spent waiting for a core).
    /// </summary>
    private static string Histogram(int operations, Func<int, object> operation)
    {
        var micros = new double[operations];
        var cpu = new double[operations];
        for (var i = 0; i < operations; i++)
        {
            var cpuStarted = ThreadCpuClock.NowMicroseconds();
            var started = Stopwatch.GetTimestamp();
            GC.KeepAlive(operation(i));
            micros[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            cpu[i] = ThreadCpuClock.NowMicroseconds() - cpuStarted ?? 0;
        }

        return Distribution(micros) + " cpu " + Distribution(cpu);
    }

    private static string Distribution(double[] micros)
    {
        var operations = micros.Length;
        Array.Sort(micros);
        return Line($"ops={operations:N0} medianUs={micros[operations / 2]:F1} p90Us={micros[(int)(operations * 0.90)]:F1} p99Us={micros[Math.Min(operations - 1, (int)(operations * 0.99))]:F1} maxUs={micros[^1]:F0}");
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
}
