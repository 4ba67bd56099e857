using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Facts;

/// <summary>The working fact for one team, with its managers' caseloads already summed.</summary>
public sealed class TeamCase
{
    private readonly int _hash = FactHash.Next();

    internal TeamCase(string id, DateOnly asOf, PolicyView policy)
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
