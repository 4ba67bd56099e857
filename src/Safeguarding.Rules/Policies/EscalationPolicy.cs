namespace Safeguarding.Rules.Policies;

/// <summary>When overdue work goes up the chain of command (policy file <c>escalation</c>).</summary>
public sealed class EscalationPolicy
{
    /// <summary>An overdue visit more than this many days overdue goes to the supervisor (detective sergeant). Default 14.</summary>
    public int SupervisorAfterDays { get; set; } = 14;

    /// <summary>An overdue visit more than this many days overdue goes to the detective inspector. Default 28. Must be at least <see cref="SupervisorAfterDays"/>.</summary>
    public int InspectorAfterDays { get; set; } = 28;

    /// <summary>A High or Very High risk visit more than this many days overdue goes to the detective inspector. Default 7.</summary>
    public int HighRiskInspectorAfterDays { get; set; } = 7;

    /// <summary>
    /// A team has a unit backlog when its overdue visits are more than this percentage of its managers' caseloads
    /// (exactly: <c>overdue * 100 &gt; percent * caseload</c>). Default 5. Above 0 and at most 100; fractions allowed.
    /// </summary>
    public decimal UnitBacklogPercent { get; set; } = 5m;

    internal EscalationPolicy Clone() => (EscalationPolicy)MemberwiseClone();
}
