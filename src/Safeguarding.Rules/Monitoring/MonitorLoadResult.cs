using System.Diagnostics.CodeAnalysis;

namespace Safeguarding.Rules.Monitoring;

/// <summary>A <see cref="SafeguardingMonitor"/> loaded from a snapshot, or the snapshot's problems (contract section 3) when it could not be.</summary>
public sealed class MonitorLoadResult
{
    internal MonitorLoadResult(SafeguardingMonitor? monitor, IReadOnlyList<InputProblem> problems)
    {
        Monitor = monitor;
        Problems = problems;
    }

    /// <summary>Whether the snapshot was loaded (then <see cref="Monitor"/> is set, and <see cref="Problems"/> is empty unless partial results let rejected child-protection records be left out).</summary>
    [MemberNotNullWhen(true, nameof(Monitor))]
    public bool IsLoaded => Monitor is not null;

    /// <summary>The loaded monitor, or <see langword="null"/> when the snapshot has problems.</summary>
    public SafeguardingMonitor? Monitor { get; }

    /// <summary>Every problem of the snapshot: a monitor holds valid records only, so any problem stops the load, except, with partial results allowed, problems of child-protection records only (those records are rejected).</summary>
    public IReadOnlyList<InputProblem> Problems { get; }
}
