using System.Diagnostics;
using System.Globalization;

namespace Safeguarding.Rules.Benchmarks;

/// <summary>
/// <c>--process CLI[,CLI...] RUNS INPUT... [--env NAME=VALUE]...</c>: the whole process, file in, report out (issue 13 item 2).
/// Runs <c>CLI evaluate INPUT --format json --output FILE</c> as a fresh process RUNS times per input, the inputs
/// interleaved so that the machine's load falls on all of them alike, with <c>SAFEGUARDING_RULES_TIMINGS=1</c> so each
/// process ends with its own phase timings (start-up, read, compile, check, rules, join, write, CPU, peak working set);
/// prints each run and then, per input, the medians of the wall time (measured here, from start to exit) and of each
/// phase, the largest peak working set, and the ratio of its median wall time to the first input's. CLI is the built
/// <c>safeguarding-rules</c> program, or its <c>.dll</c> (then run with <c>dotnet</c>); <c>--env</c> sets a variable for
/// the evaluated processes only (e.g. <c>DOTNET_TieredPGO=1</c>). The load average is printed before and after.
/// </summary>
internal static class ProcessRun
{
    private static readonly string[] Phases = ["startupMs", "readMs", "compileMs", "checkMs", "rulesMs", "joinMs", "evaluateMs", "writeMs", "cpuMs", "startupCpuMs", "readCpuMs", "evaluateCpuMs", "writeCpuMs"];

    public static int Run(string[] args, TextWriter output)
    {
        var at = Array.IndexOf(args, "--process");
        var positional = new List<string>();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = at + 1; i < args.Length; i++)
        {
            if (args[i] == "--env" && i + 1 < args.Length && args[i + 1].Split('=', 2) is [var name, var value])
            {
                environment[name] = value;
                i++;
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        if (positional.Count < 3 || !int.TryParse(positional[1], CultureInfo.InvariantCulture, out var runs) || runs < 1)
        {
            output.WriteLine("usage: --process CLI[,CLI...] RUNS INPUT... [--env NAME=VALUE]...");
            return 2;
        }

        var clis = positional[0].Split(',', StringSplitOptions.RemoveEmptyEntries);
        var inputs = clis.SelectMany(c => positional.Skip(2).Select(i => clis.Length == 1 ? i : c + " " + i)).ToList();
        var results = inputs.ToDictionary(static i => i, static _ => new List<Dictionary<string, double>>(), StringComparer.Ordinal);
        var report = Path.Combine(Path.GetTempPath(), "whole-process-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".json");
        output.WriteLine("process cli=" + positional[0] + " runs=" + runs.ToString(CultureInfo.InvariantCulture) + " env=" + string.Join(",", environment.Select(static e => e.Key + "=" + e.Value)) + " load=" + LoadAverage());
        try
        {
            for (var run = 0; run < runs; run++)
            {
                foreach (var input in inputs)
                {
                    var (cli, file) = clis.Length == 1 ? (clis[0], input) : (input[..input.IndexOf(' ', StringComparison.Ordinal)], input[(input.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
                    var measured = Evaluate(cli, file, report, environment, output);
                    if (measured is null)
                    {
                        return 1;
                    }

                    results[input].Add(measured);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run + 1} {input}: ") + string.Join(' ', measured.Select(static m => m.Key + "=" + m.Value.ToString("F0", CultureInfo.InvariantCulture))));
                }
            }
        }
        finally
        {
            File.Delete(report);
        }

        output.WriteLine("process load=" + LoadAverage() + "; medians over " + runs.ToString(CultureInfo.InvariantCulture) + " runs (ms), peak working set the largest (MB)");
        var first = Median(results[inputs[0]], "wallMs");
        foreach (var input in inputs)
        {
            var list = results[input];
            var wall = Median(list, "wallMs");
            output.WriteLine(
                input + ": wallMs=" + wall.ToString("F0", CultureInfo.InvariantCulture)
                + " (min " + list.Min(static r => r["wallMs"]).ToString("F0", CultureInfo.InvariantCulture) + ")"
                + string.Concat(Phases.Select(p => " " + p + "=" + Median(list, p).ToString("F0", CultureInfo.InvariantCulture)))
                + " peakWorkingSetMB=" + list.Max(static r => r.GetValueOrDefault("peakWorkingSetMB")).ToString("F0", CultureInfo.InvariantCulture)
                + " ratioToFirst=" + (wall / first).ToString("F2", CultureInfo.InvariantCulture));
        }

        return 0;
    }

    private static Dictionary<string, double>? Evaluate(string cli, string input, string report, Dictionary<string, string> environment, TextWriter output)
    {
        var start = new ProcessStartInfo(cli.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? "dotnet" : cli)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (cli.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(cli);
        }

        foreach (var argument in new[] { "evaluate", input, "--format", "json", "--output", report })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SAFEGUARDING_RULES_TIMINGS"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var line = error.Result.Split('\n').FirstOrDefault(static l => l.StartsWith("timings ", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            output.WriteLine("process: " + input + " exited " + process.ExitCode.ToString(CultureInfo.InvariantCulture) + " without a timings line: " + error.Result.Trim());
            return null;
        }

        var measured = new Dictionary<string, double>(StringComparer.Ordinal) { ["wallMs"] = wall };
        foreach (var pair in line["timings ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            measured[parts[0]] = double.Parse(parts[1], CultureInfo.InvariantCulture);
        }

        return measured;
    }

    private static double Median(List<Dictionary<string, double>> runs, string name)
    {
        var values = runs.Select(r => r.GetValueOrDefault(name, double.NaN)).Order().ToList();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
