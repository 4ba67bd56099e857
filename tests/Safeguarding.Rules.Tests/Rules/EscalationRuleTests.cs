using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Testing;

namespace Safeguarding.Rules.Tests.Rules;

/// <summary>Contract section 2, Escalation: each test runs only the rules it is about (the shipped kit's <c>EvaluateOnly</c>).</summary>
public sealed class EscalationRuleTests
{
    private static readonly DateOnly AsOf = new(2018, 5, 1);

    /// <summary>
    /// The escalation rules place the overdue visits VisitOverdue concludes, so they run with it: without it there is
    /// nothing to escalate, and with only some of them an overdue visit could go to the wrong level unseen.
    /// </summary>
    private static readonly string[] OverdueRules =
    [
        RuleNames.VisitOverdue, RuleNames.EscalateToDetectiveInspector, RuleNames.EscalateToSupervisor, RuleNames.OverdueStaysWithOffenderManager,
    ];

    /// <summary>The unit backlog counts the overdue visits VisitOverdue concludes, so it runs with the rules that report them.</summary>
    private static readonly string[] BacklogRules = [.. OverdueRules, RuleNames.UnitBacklog];

    /// <summary>Manager OM-1 in team T-1.</summary>
    private static CaseloadScenario Caseload() => CaseloadScenario.AsOf(AsOf).Manager("OM-1", team: "T-1");

    private static EvaluationReport Run(CaseloadScenario scenario, params string[] rules)
    {
        var report = scenario.EvaluateOnly(rules);
        report.Problems.Should().BeEmpty("the scenario itself must be valid");
        return report;
    }

    private static Finding Overdue(RiskLevel risk, int daysOverdue, Action<OffenderBuilder>? visits = null, Func<CaseloadScenario, CaseloadScenario>? more = null)
    {
        // The contract's default intervals.
        var interval = risk switch { RiskLevel.VeryHigh => 30, RiskLevel.High => 91, RiskLevel.Medium => 182, _ => 365 };
        var scenario = Caseload().Offender("RSO-1", risk, o =>
        {
            o.ManagedBy("OM-1").LastVisitedDaysAgo(interval + daysOverdue);
            visits?.Invoke(o);
        });
        var report = Run(more?.Invoke(scenario) ?? scenario, OverdueRules);
        return report.Should().HaveFinding(FindingKinds.VisitOverdue).ForOffender("RSO-1").Which;
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
        var finding = Overdue(RiskLevel.Medium, 2, visits: o => o.NoAccessDaysAgo(1, 2));

        finding.EscalateTo.Should().Be(EscalationLevel.Supervisor);
        finding.Reason.Should().Contain("2 no-access visits");
    }

    [Fact]
    public void CriticalCaseload_PutsAnOverdueVisitWithTheSupervisor()
    {
        // OM-1 holds 75 others plus RSO-1: 76, above the critical 75.
        var finding = Overdue(RiskLevel.Medium, 2, more: s => s.Holding("OM-1", 75));

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
        var one = Caseload().Holding("OM-1", 19)
            .Offender("RSO-1", RiskLevel.Medium, o => o.ManagedBy("OM-1").LastVisitedDaysAgo(200));
        var two = Caseload().Holding("OM-1", 18)
            .Offender("RSO-1", RiskLevel.Medium, o => o.ManagedBy("OM-1").LastVisitedDaysAgo(200))
            .Offender("RSO-2", RiskLevel.Medium, o => o.ManagedBy("OM-1").LastVisitedDaysAgo(200));

        Run(one, BacklogRules).Should().HaveNoFinding(FindingKinds.UnitBacklog);
        var backlog = Run(two, BacklogRules).Findings.Where(f => f.Kind == FindingKinds.UnitBacklog).Should().ContainSingle().Subject;
        backlog.TeamId.Should().Be("T-1");
        backlog.OverdueVisits.Should().Be(2);
        backlog.Caseload.Should().Be(20);
    }

    [Fact]
    public void TeamWithOneOverdueVisitAboveThePercentage_ReasonCountsOneVisit()
    {
        // 10 in the caseload: 1 overdue is 10%, above 5%.
        var scenario = Caseload().Holding("OM-1", 9)
            .Offender("RSO-1", RiskLevel.Medium, o => o.ManagedBy("OM-1").LastVisitedDaysAgo(200));

        var backlog = Run(scenario, BacklogRules).Findings.Where(f => f.Kind == FindingKinds.UnitBacklog).Should().ContainSingle().Subject;

        backlog.OverdueVisits.Should().Be(1);
        backlog.Reason.Should().StartWith("Team T-1: 1 overdue visit against a caseload of 10 is 10%");
    }

    [Fact]
    public void UnallocatedOverdueOffenders_BelongToNoTeamBacklog()
    {
        var report = Run(
            Caseload().Holding("OM-1", 30)
                .Offender("RSO-1", RiskLevel.Medium, o => o.Unallocated().LastVisitedDaysAgo(400))
                .Offender("RSO-2", RiskLevel.Medium, o => o.Unallocated().LastVisitedDaysAgo(400)),
            BacklogRules);

        report.Should().HaveNoFinding(FindingKinds.UnitBacklog);
        report.Findings.Where(f => f.Kind == FindingKinds.VisitOverdue)
            .Should().HaveCount(2).And.OnlyContain(f => f.ManagerId == null && f.TeamId == null);
    }
}
