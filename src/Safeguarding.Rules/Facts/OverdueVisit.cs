namespace Safeguarding.Rules.Facts;

/// <summary>
/// An intermediate conclusion: the offender's home visit is overdue. The <c>VisitOverdue</c> rule yields it;
/// the escalation rules decide its level and the unit backlog rule counts it, so the lineage of each
/// escalation and backlog is kept by the engine.
/// </summary>
public sealed class OverdueVisit
{
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
    public int DaysOverdue => Offender.DaysOverdue;
}
