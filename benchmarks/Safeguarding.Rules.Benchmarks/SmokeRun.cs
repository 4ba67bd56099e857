using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace Safeguarding.Rules.Benchmarks;

/// <summary>
/// Runs every benchmark method once, in process, with plain calls and no BenchmarkDotNet timing, at the smallest size:
/// a class's <c>Offenders</c> property is set to <see cref="Offenders"/>. Set-up runs as in a real run, so the
/// three-way agreement check runs too. Keeps the benchmarks from rotting in CI.
/// </summary>
internal static class SmokeRun
{
    /// <summary>The caseload size of the smoke run.</summary>
    public const int Offenders = 2_500;

    public static int Run(TextWriter output, TextWriter error)
    {
        var total = Stopwatch.StartNew();
        var methods = 0;
        var types = typeof(SmokeRun).Assembly.GetTypes()
            .Where(static t => t.IsClass && !t.IsAbstract && t.IsPublic && BenchmarksOf(t).Any())
            .OrderBy(static t => t.Name, StringComparer.Ordinal);
        foreach (var type in types)
        {
            var instance = Activator.CreateInstance(type)!;
            if (type.GetProperty("Offenders") is { CanWrite: true } size && size.PropertyType == typeof(int))
            {
                size.SetValue(instance, Offenders);
            }

            try
            {
                InvokeAll<GlobalSetupAttribute>(instance);
                if (type.GetProperty("AgreedCounts")?.GetValue(instance) is { } agreed)
                {
                    output.WriteLine("smoke " + type.Name + " agreement (engine = oracle = RulesEngine): " + agreed);
                }

                foreach (var method in BenchmarksOf(type))
                {
                    var started = Stopwatch.GetTimestamp();
                    Complete(method.Invoke(instance, null));
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"smoke {type.Name}.{method.Name}: {elapsed:F1} ms"));
                    methods++;
                }

                InvokeAll<GlobalCleanupAttribute>(instance);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                error.WriteLine("smoke " + type.Name + " failed: " + e.InnerException);
                return 1;
            }
        }

        if (methods == 0)
        {
            error.WriteLine("smoke: no benchmark methods found");
            return 1;
        }

        // --phases reads the engine's log line: two evaluations keep it from rotting.
        if (PhaseRun.Run(Offenders, 2, output) != 0)
        {
            error.WriteLine("smoke: --phases failed");
            return 1;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"smoke: {methods} benchmark methods ran once at {Offenders} offenders, and --phases, in {total.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    private static IEnumerable<MethodInfo> BenchmarksOf(Type type) => type
        .GetMethods(BindingFlags.Public | BindingFlags.Instance)
        .Where(static m => m.GetCustomAttribute<BenchmarkAttribute>() is not null)
        .OrderBy(static m => m.GetCustomAttribute<BenchmarkAttribute>()!.Baseline ? 0 : 1)
        .ThenBy(static m => m.Name, StringComparer.Ordinal);

    private static void InvokeAll<TAttribute>(object instance)
        where TAttribute : Attribute
    {
        foreach (var method in instance.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance))
        {
            if (method.GetCustomAttribute<TAttribute>() is not null)
            {
                Complete(method.Invoke(instance, null));
            }
        }
    }

    private static void Complete(object? result)
    {
        if (result is Task task)
        {
            task.GetAwaiter().GetResult();
        }
    }
}
