namespace Safeguarding.Rules.Policies;

/// <summary>A read-only copy of an <see cref="EscalationPolicy"/>: when overdue work goes up the chain of command.</summary>
public sealed class EscalationView
{
    internal EscalationView(EscalationPolicy policy)
    {
        SupervisorAfterDays = policy.SupervisorAfterDays;
        InspectorAfterDays = policy.InspectorAfterDays;
        HighRiskInspectorAfterDays = policy.HighRiskInspectorAfterDays;
        UnitBacklogPercent = policy.UnitBacklogPercent;
    }

    /// <summary>More than this many days overdue goes to the supervisor (<c>escalation.supervisorAfterDays</c>).</summary>
    public int SupervisorAfterDays { get; }

    /// <summary>More than this many days overdue goes to the detective inspector (<c>escalation.inspectorAfterDays</c>).</summary>
    public int InspectorAfterDays { get; }

    /// <summary>High or Very High risk and more than this many days overdue goes to the detective inspector (<c>escalation.highRiskInspectorAfterDays</c>).</summary>
    public int HighRiskInspectorAfterDays { get; }

    /// <summary>Overdue visits above this percentage of a team's caseload are a unit backlog (<c>escalation.unitBacklogPercent</c>).</summary>
    public decimal UnitBacklogPercent { get; }
}
