using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Safeguarding.Rules.Benchmarks;

/// <summary>
/// <c>--smoke</c>: every benchmark method once at 2,500 offenders, no timing harness (CI).
/// <c>--peak [N]</c>: generate N offenders (default 1,000,000), evaluate once, print timings and the working set.
/// <c>--monitor [N] [ops]</c>: the live monitor's per-operation histograms and load figures (default 100,000 offenders, 10,000 operations).
/// <c>--phases [N] [evaluations] [--workload v1|cp] [--threads T] [--partition P]</c>: where an evaluation's time goes (default 100,000 offenders, 40 evaluations).
/// <c>--ratios [N] [rounds] [--workload v1|overrides|cp]</c>: engine, fast floor, oracle and RulesEngine interleaved, medians and same-run ratios.
/// <c>--process CLI RUNS INPUT...</c>: <c>evaluate</c> as a fresh process, phases from the tool's own timings (<see cref="ProcessRun"/>).
/// Anything else goes to BenchmarkDotNet (<c>--filter</c>, <c>--job</c>, <c>--list flat</c>, ...).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Contains("--smoke", StringComparer.Ordinal))
        {
            return SmokeRun.Run(Console.Out, Console.Error);
        }

        var peak = Array.IndexOf(args, "--peak");
        if (peak >= 0)
        {
            var offenders = peak + 1 < args.Length ? int.Parse(args[peak + 1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : 1_000_000;
            return PeakRun.Run(offenders, Console.Out);
        }

        var monitor = Array.IndexOf(args, "--monitor");
        if (monitor >= 0)
        {
            var offenders = monitor + 1 < args.Length ? int.Parse(args[monitor + 1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : 100_000;
            var operations = monitor + 2 < args.Length ? int.Parse(args[monitor + 2], NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : 10_000;
            return MonitorRun.Run(offenders, operations, Console.Out);
        }

        if (args.Contains("--process", StringComparer.Ordinal))
        {
            return ProcessRun.Run(args, Console.Out);
        }

        var phases = Array.IndexOf(args, "--phases");
        if (phases >= 0)
        {
            var offenders = phases + 1 < args.Length ? int.Parse(args[phases + 1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : 100_000;
            var evaluations = phases + 2 < args.Length && !args[phases + 2].StartsWith('-') ? int.Parse(args[phases + 2], CultureInfo.InvariantCulture) : 40;
            var workload = Array.IndexOf(args, "--workload") is var w and >= 0 && w + 1 < args.Length ? args[w + 1] : Support.EvaluationWorkload.V1;
            int? threads = Array.IndexOf(args, "--threads") is var th and >= 0 && th + 1 < args.Length ? int.Parse(args[th + 1], CultureInfo.InvariantCulture) : null;
            int? partition = Array.IndexOf(args, "--partition") is var ps and >= 0 && ps + 1 < args.Length ? int.Parse(args[ps + 1], CultureInfo.InvariantCulture) : null;
            return PhaseRun.Run(offenders, evaluations, Console.Out, workload, threads, partition);
        }

        var ratios = Array.IndexOf(args, "--ratios");
        if (ratios >= 0)
        {
            var offenders = ratios + 1 < args.Length ? int.Parse(args[ratios + 1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : 100_000;
            var rounds = ratios + 2 < args.Length && !args[ratios + 2].StartsWith('-') ? int.Parse(args[ratios + 2], CultureInfo.InvariantCulture) : 15;
            var workload = Array.IndexOf(args, "--workload") is var w and >= 0 && w + 1 < args.Length ? args[w + 1] : Support.EvaluationWorkload.V1;
            return RatioRun.Run(offenders, rounds, workload, Console.Out);
        }

        // Medians beside means: the machines these run on are shared and noisy.
        var config = DefaultConfig.Instance.AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max);

        // BenchmarkDotNet's own --inProcess adds one more job beside the [SimpleJob]s of the 1M and JSON classes (which
        // would then also run out of process, rebuilding the solution). Here it is a mutator instead: every job, the
        // classes' own included, runs in this process.
        if (args.Contains("--inProcess", StringComparer.OrdinalIgnoreCase))
        {
            args = args.Where(static a => !string.Equals(a, "--inProcess", StringComparison.OrdinalIgnoreCase)).ToArray();
            config = config.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsMutator());
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
    }
}
