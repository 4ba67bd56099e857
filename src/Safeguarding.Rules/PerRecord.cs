using System.Runtime.CompilerServices;

namespace Safeguarding.Rules;

/// <summary>
/// How the methods run once per record or per field while a snapshot is read, checked and turned into facts are
/// compiled: <c>[MethodImpl(PerRecord.Compiled)]</c> compiles such a method optimised when it is first called.
/// </summary>
/// <remarks>
/// Tiered compilation first compiles a method without a loop quickly and unoptimised, and replaces it only after it has
/// been called 30 times and no new method has been compiled for 100 ms. A command-line run compiles new methods
/// throughout (the rules on the second core, each phase's code), so the per-field methods of the reader ran unoptimised
/// for most of a 100,000-offender read: 11% of a fresh process's samples were in such code (benchmarks/RESULTS.md,
/// session 15). Methods with loops are compiled optimised at once already (the tool turns off quick compilation for
/// loops). The cost: these methods are not precompiled by a ReadyToRun publish and take no profile-guided
/// optimisation in a long-running host; they are small, and the time goes to reading, not to them.
/// </remarks>
internal static class PerRecord
{
    /// <summary>Compile optimised at the first call (see <see cref="PerRecord"/>).</summary>
    public const MethodImplOptions Compiled = MethodImplOptions.AggressiveOptimization;
}
