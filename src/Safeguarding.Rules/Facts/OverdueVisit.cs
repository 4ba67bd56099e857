namespace Safeguarding.Rules.Facts;

/// <summary>
/// An intermediate conclusion: the offender's home visit is overdue. The <c>VisitOverdue</c> rule yields it;
/// the escalation rules decide its level and the unit backlog rule counts it, so the lineage of each
/// escalation and backlog is kept by the engine.
/// </summary>
public sealed class OverdueVisit
{
    private readonly int _hash = FactHash.Next();

    /// <summary>Creates the conclusion for <paramref name="offender"/>.</summary>
    /// <param name="offender">The offender whose visit is overdue.</param>
    /// <param name="rule">The name of the rule that concluded it.</param>
    public OverdueVisit(OffenderCase offender, string rule)
    {
        ArgumentNullException.ThrowIfNull(offender);
        Offender = offender;
        Rule = rule;
    }

    /// <summary>The offender.</summary>
    public OffenderCase Offender { get; }

    /// <summary>The rule that concluded the visit is overdue.</summary>
    public string Rule { get; }

    /// <summary>The offender's team, when allocated to a manager in one.</summary>
    public string? TeamId => Offender.TeamId;

    /// <summary>Days overdue (at least 1).</summary>
    public int DaysOverdue => Offender.DaysOverdue ?? 0;

    /// <summary>Facts are identified by reference: two facts are the same fact only if they are the same object.</summary>
    /// <param name="obj">The other object.</param>
    /// <returns>Whether <paramref name="obj"/> is this fact.</returns>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <summary>A hash code fixed at creation (cheaper for the engine's working memory than the runtime's identity hash).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => _hash;
}
