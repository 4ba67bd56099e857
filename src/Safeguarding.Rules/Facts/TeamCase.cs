using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Facts;

/// <summary>The working fact for one team, with its managers' caseloads already summed.</summary>
public sealed class TeamCase
{
    internal TeamCase(string id, DateOnly asOf, SafeguardingPolicy policy)
    {
        Id = id;
        AsOf = asOf;
        Policy = policy;
    }

    /// <summary>The team's identifier.</summary>
    public string Id { get; }

    /// <summary>The sum of the caseloads of the team's managers.</summary>
    public int Caseload { get; internal set; }

    /// <summary>The evaluation date.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The policy in force for this evaluation (a private copy: do not change it).</summary>
    public SafeguardingPolicy Policy { get; }
}
