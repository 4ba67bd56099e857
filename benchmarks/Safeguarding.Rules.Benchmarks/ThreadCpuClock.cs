using System.Runtime.InteropServices;

namespace Safeguarding.Rules.Benchmarks;

/// <summary>
/// The calling thread's CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), so that a per-operation histogram can leave out
/// the time a thread spent waiting for a core: on a shared machine at a load average many times its core count, the
/// wall-clock tails are mostly that wait. Elsewhere (no such clock) it reports <see langword="null"/>.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ThreadCpuTimeId = 3;

    /// <summary>The thread's CPU time in microseconds, or <see langword="null"/> when the clock is not available.</summary>
    public static double? NowMicroseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        return ClockGetTime(ThreadCpuTimeId, out var time) == 0 ? (time.Seconds * 1e6) + (time.Nanoseconds / 1e3) : null;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
