namespace Safeguarding.Rules.Policies;

/// <summary>A read-only copy of an <see cref="OverridePolicy"/>: which findings an override may defer, and for how long.</summary>
public sealed class OverridesView
{
    private readonly HashSet<string> _kinds;

    internal OverridesView(OverridePolicy policy)
    {
        MaxDays = policy.MaxDays;
        Kinds = [.. policy.Kinds];
        _kinds = new HashSet<string>(Kinds, StringComparer.Ordinal);
    }

    /// <summary>The most days an override may cover, counting <c>from</c> and <c>until</c> both (<c>overrides.maxDays</c>).</summary>
    public int MaxDays { get; }

    /// <summary>The finding kinds an override may name, in the order the policy lists them (<c>overrides.kinds</c>).</summary>
    public IReadOnlyList<string> Kinds { get; }

    /// <summary>Whether an override may name a finding of <paramref name="kind"/>.</summary>
    internal bool Allows(string kind) => _kinds.Contains(kind);
}
