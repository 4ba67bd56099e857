using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Facts;

/// <summary>The working fact for one offender manager, with the caseload already counted.</summary>
public sealed class ManagerCase
{
    internal ManagerCase(string id, string? teamId, DateOnly asOf, SafeguardingPolicy policy)
    {
        Id = id;
        TeamId = teamId;
        AsOf = asOf;
        Policy = policy;
    }

    /// <summary>The manager's identifier.</summary>
    public string Id { get; }

    /// <summary>The manager's team, when recorded.</summary>
    public string? TeamId { get; }

    /// <summary>Offenders assigned to the manager who are registered by <see cref="AsOf"/> and not in custody (reactive management included).</summary>
    public int Caseload { get; internal set; }

    /// <summary>The evaluation date.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The policy in force for this evaluation (a private copy: do not change it).</summary>
    public SafeguardingPolicy Policy { get; }
}
