using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Tests.Support;

namespace Safeguarding.Rules.Tests.Rules;

/// <summary>Contract section 2, Escalation.</summary>
public sealed class EscalationRuleTests
{
    private static Finding Overdue(RiskLevel risk, int daysOverdue, Func<Scenario, Scenario>? more = null)
    {
        // The contract's default intervals.
        var interval = risk switch { RiskLevel.VeryHigh => 30, RiskLevel.High => 91, RiskLevel.Medium => 182, _ => 365 };
        var scenario = new Scenario().With("RSO-1", risk).Completed("RSO-1", interval + daysOverdue);
        return (more?.Invoke(scenario) ?? scenario).Finding(FindingKinds.VisitOverdue, "RSO-1")!;
    }

    [Theory]
    [InlineData(RiskLevel.High, 7, EscalationLevel.OffenderManager)]
    [InlineData(RiskLevel.High, 8, EscalationLevel.DetectiveInspector)]
    [InlineData(RiskLevel.VeryHigh, 7, EscalationLevel.Supervisor)]
    [InlineData(RiskLevel.VeryHigh, 8, EscalationLevel.DetectiveInspector)]
    [InlineData(RiskLevel.Medium, 14, EscalationLevel.OffenderManager)]
    [InlineData(RiskLevel.Medium, 15, EscalationLevel.Supervisor)]
    [InlineData(RiskLevel.Low, 28, EscalationLevel.Supervisor)]
    [InlineData(RiskLevel.Low, 29, EscalationLevel.DetectiveInspector)]
    [InlineData(RiskLevel.Medium, 1, EscalationLevel.OffenderManager)]
    public void OverdueVisit_GoesToTheHighestLevelWhoseConditionHolds(RiskLevel risk, int daysOverdue, EscalationLevel expected)
    {
        var finding = Overdue(risk, daysOverdue);

        finding.DaysOverdue.Should().Be(daysOverdue);
        finding.EscalateTo.Should().Be(expected);
    }

    [Fact]
    public void VeryHighRiskOverdueByOneDay_GoesToTheSupervisor_AndTheReasonSaysWhy()
    {
        var finding = Overdue(RiskLevel.VeryHigh, 1);

        finding.EscalateTo.Should().Be(EscalationLevel.Supervisor);
        finding.Rule.Should().Be(RuleNames.EscalateToSupervisor);
        finding.Reason.Should().EndWith("escalated to Supervisor: Very High risk.");
    }

    [Fact]
    public void RepeatedNoAccess_PutsAnOverdueVisitWithTheSupervisor()
    {
        var finding = Overdue(RiskLevel.Medium, 2, s => s.NoAccess("RSO-1", 1).NoAccess("RSO-1", 2));

        finding.EscalateTo.Should().Be(EscalationLevel.Supervisor);
        finding.Reason.Should().Contain("2 no-access visits");
    }

    [Fact]
    public void CriticalCaseload_PutsAnOverdueVisitWithTheSupervisor()
    {
        // OM-1 holds 75 others plus RSO-1: 76, above the critical 75.
        var finding = Overdue(RiskLevel.Medium, 2, s => s.Holding("OM-1", 75));

        finding.EscalateTo.Should().Be(EscalationLevel.Supervisor);
        finding.Reason.Should().Contain("manager OM-1 holds a critical caseload of 76");
    }

    [Fact]
    public void HighRiskLongOverdue_ReasonNamesEveryInspectorCondition()
    {
        var finding = Overdue(RiskLevel.High, 40);

        finding.Rule.Should().Be(RuleNames.EscalateToDetectiveInspector);
        finding.Reason.Should().EndWith("escalated to DetectiveInspector: more than 28 days overdue and High risk and more than 7 days overdue.");
    }

    [Fact]
    public void TeamWithOverdueVisitsAboveFivePercentOfItsCaseload_HasAUnitBacklog()
    {
        // 20 in the caseload: 1 overdue is exactly 5% (not above); 2 is 10%.
        var one = new Scenario().Holding("OM-1", 19).With("RSO-1").Completed("RSO-1", 200);
        var two = new Scenario().Holding("OM-1", 18).With("RSO-1").Completed("RSO-1", 200).With("RSO-2").Completed("RSO-2", 200);

        one.Findings(FindingKinds.UnitBacklog).Should().BeEmpty();
        var backlog = two.Findings(FindingKinds.UnitBacklog).Should().ContainSingle().Subject;
        backlog.TeamId.Should().Be("T-1");
        backlog.OverdueVisits.Should().Be(2);
        backlog.Caseload.Should().Be(20);
    }

    [Fact]
    public void UnallocatedOverdueOffenders_BelongToNoTeamBacklog()
    {
        var scenario = new Scenario().Holding("OM-1", 30)
            .With("RSO-1", change: o => o with { ManagerId = null }).Completed("RSO-1", 400)
            .With("RSO-2", change: o => o with { ManagerId = null }).Completed("RSO-2", 400);

        scenario.Findings(FindingKinds.UnitBacklog).Should().BeEmpty();
        scenario.Findings(FindingKinds.VisitOverdue).Should().HaveCount(2).And.OnlyContain(f => f.ManagerId == null && f.TeamId == null);
    }
}
