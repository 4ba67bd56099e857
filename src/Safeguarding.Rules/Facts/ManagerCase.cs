using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Facts;

/// <summary>The working fact for one offender manager, with the caseload already counted.</summary>
public sealed class ManagerCase
{
    private readonly int _hash = FactHash.Next();

    internal ManagerCase(string id, string? teamId, DateOnly asOf, PolicyView policy)
    {
        Id = id;
        TeamId = teamId;
        AsOf = asOf;
        Policy = policy;
    }

    /// <summary>The manager's identifier.</summary>
    public string Id { get; }

    /// <summary>The manager's team, when recorded.</summary>
    public string? TeamId { get; internal set; }

    /// <summary>Offenders assigned to the manager who are registered by <see cref="AsOf"/> and not in custody (reactive management included).</summary>
    public int Caseload { get; internal set; }

    /// <summary>
    /// Whether the caseload is above the policy's critical level (<c>CaseloadCritical</c>; it also puts the manager's
    /// overdue visits with the supervisor). Computed with <see cref="Caseload"/> by the caseload policy's own function (<c>Rules/Caseload</c>).
    /// </summary>
    public bool IsCaseloadCritical { get; internal set; }

    /// <summary>The evaluation date.</summary>
    public DateOnly AsOf { get; internal set; }

    /// <summary>The policy in force for this evaluation, read-only.</summary>
    public PolicyView Policy { get; }

    /// <summary>Facts are identified by reference: two facts are the same fact only if they are the same object.</summary>
    /// <param name="obj">The other object.</param>
    /// <returns>Whether <paramref name="obj"/> is this fact.</returns>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <summary>A hash code fixed at creation (cheaper for the engine's working memory than the runtime's identity hash).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => _hash;
}
