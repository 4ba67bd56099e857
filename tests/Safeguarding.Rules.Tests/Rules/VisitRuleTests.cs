using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Testing;

namespace Safeguarding.Rules.Tests.Rules;

/// <summary>Contract section 2, Visits: each test runs only the rules it is about (the shipped kit's <c>EvaluateOnly</c>).</summary>
public sealed class VisitRuleTests
{
    private static readonly DateOnly AsOf = new(2018, 5, 1);

    /// <summary>
    /// An overdue visit becomes a finding only when an escalation rule places it (VisitOverdue concludes, the escalation
    /// rules report), so every test about overdue visits runs the four together.
    /// </summary>
    private static readonly string[] OverdueRules =
    [
        RuleNames.VisitOverdue, RuleNames.EscalateToDetectiveInspector, RuleNames.EscalateToSupervisor, RuleNames.OverdueStaysWithOffenderManager,
    ];

    private static DateOnly DaysAgo(int days) => AsOf.AddDays(-days);

    /// <summary>Manager OM-1 in team T-1; offenders are given to OM-1 by <see cref="Managed"/>.</summary>
    private static CaseloadScenario Caseload() => CaseloadScenario.AsOf(AsOf).Manager("OM-1", team: "T-1");

    private static Action<OffenderBuilder> Managed(Action<OffenderBuilder> describe) => o => describe(o.ManagedBy("OM-1"));

    private static EvaluationReport Run(CaseloadScenario scenario, params string[] rules)
    {
        var report = scenario.EvaluateOnly(rules);
        report.Problems.Should().BeEmpty("the scenario itself must be valid");
        return report;
    }

    [Fact]
    public void VisitDueOnTheAsOfDate_IsNotOverdue_ButDueSoonToday()
    {
        // Medium risk: interval 182 days; last completed visit 182 days ago, so due today.
        var report = Run(
            Caseload().Offender("RSO-1", RiskLevel.Medium, Managed(o => o.LastVisitedDaysAgo(182))),
            [.. OverdueRules, RuleNames.VisitDueSoon]);

        report.Should().HaveNoFindingFor(FindingKinds.VisitOverdue, "RSO-1");
        var dueSoon = report.Should().HaveFinding(FindingKinds.VisitDueSoon).ForOffender("RSO-1").Which;
        dueSoon.DaysUntilDue.Should().Be(0);
        dueSoon.DueOn.Should().Be(AsOf);
    }

    [Fact]
    public void VisitDueTheDayBeforeTheAsOfDate_IsOverdueByOneDay()
    {
        var report = Run(Caseload().Offender("RSO-1", RiskLevel.Medium, Managed(o => o.LastVisitedDaysAgo(183))), OverdueRules);

        var overdue = report.Should().HaveFinding(FindingKinds.VisitOverdue).ForOffender("RSO-1").Which;
        overdue.DaysOverdue.Should().Be(1);
        overdue.DueOn.Should().Be(DaysAgo(1));
    }

    [Theory]
    [InlineData(RiskLevel.VeryHigh, 30)]
    [InlineData(RiskLevel.High, 91)]
    [InlineData(RiskLevel.Medium, 182)]
    [InlineData(RiskLevel.Low, 365)]
    public void IntervalByRiskLevel_IsThePolicyDefault(RiskLevel risk, int interval)
    {
        var report = Run(Caseload().Offender("RSO-1", risk, Managed(o => o.LastVisitedDaysAgo(interval + 3))), OverdueRules);

        report.Should().HaveFinding(FindingKinds.VisitOverdue).ForOffender("RSO-1").Which.DaysOverdue.Should().Be(3);
    }

    [Fact]
    public void DueSoonWindow_CoversFourteenDays_NotFifteen()
    {
        var report = Run(
            Caseload()
                .Offender("RSO-14", RiskLevel.Medium, Managed(o => o.LastVisitedDaysAgo(182 - 14)))
                .Offender("RSO-15", RiskLevel.Medium, Managed(o => o.LastVisitedDaysAgo(182 - 15))),
            RuleNames.VisitDueSoon);

        report.Should().HaveFinding(FindingKinds.VisitDueSoon).ForOffender("RSO-14").Which.DaysUntilDue.Should().Be(14);
        report.Should().HaveNoFindingFor(FindingKinds.VisitDueSoon, "RSO-15");
    }

    [Fact]
    public void NoAccessVisit_DoesNotResetTheClock()
    {
        var report = Run(Caseload().Offender("RSO-1", RiskLevel.Medium, Managed(o => o.LastVisitedDaysAgo(190).NoAccessDaysAgo(5))), OverdueRules);

        report.Should().HaveFinding(FindingKinds.VisitOverdue).ForOffender("RSO-1").Which.DaysOverdue.Should().Be(8);
    }

    [Fact]
    public void CompletedVisitDatedAfterTheAsOfDate_IsIgnored()
    {
        var report = Run(
            Caseload().Offender("RSO-1", RiskLevel.Medium, Managed(o => o.LastVisitedDaysAgo(190).VisitedOn(AsOf.AddDays(1)))),
            OverdueRules);

        report.Should().HaveFinding(FindingKinds.VisitOverdue).ForOffender("RSO-1").Which.DaysOverdue.Should().Be(8);
    }

    [Fact]
    public void NeverVisited_FirstVisitIsDueTwentyEightDaysAfterRegistration()
    {
        var report = Run(
            Caseload()
                .Offender("RSO-28", RiskLevel.Medium, Managed(o => o.RegisteredDaysAgo(28).NeverRiskAssessed()))
                .Offender("RSO-29", RiskLevel.Medium, Managed(o => o.RegisteredDaysAgo(29).NeverRiskAssessed())),
            OverdueRules);

        report.Should().HaveNoFindingFor(FindingKinds.VisitOverdue, "RSO-28");
        report.Should().HaveFinding(FindingKinds.VisitOverdue).ForOffender("RSO-29").Which.DaysOverdue.Should().Be(1);
    }

    [Fact]
    public void Custody_SuspendsVisits()
    {
        var report = Run(
            Caseload().Offender("RSO-1", RiskLevel.Medium, Managed(o => o.InCustody().LastVisitedDaysAgo(900))),
            [.. OverdueRules, RuleNames.VisitDueSoon]);

        report.Findings.Should().NotContain(f => f.OffenderId == "RSO-1" && (f.Kind == FindingKinds.VisitOverdue || f.Kind == FindingKinds.VisitDueSoon));
    }

    [Fact]
    public void Release_RestartsTheFirstVisitClock()
    {
        // Visited 100 days ago, then released 40 days ago: the visit before release does not count.
        var report = Run(Caseload().Offender("RSO-1", RiskLevel.Low, Managed(o => o.ReleasedDaysAgo(40).LastVisitedDaysAgo(100))), OverdueRules);

        var overdue = report.Should().HaveFinding(FindingKinds.VisitOverdue).ForOffender("RSO-1").Which;
        overdue.DueOn.Should().Be(DaysAgo(40).AddDays(28));
        overdue.DaysOverdue.Should().Be(12);
    }

    [Fact]
    public void ReleaseDatedAfterTheAsOfDate_IsTreatedAsAbsent()
    {
        var report = Run(Caseload().Offender("RSO-1", RiskLevel.Low, Managed(o => o.ReleasedOn(AsOf.AddDays(5)).LastVisitedDaysAgo(100))), OverdueRules);

        report.Should().HaveNoFindingFor(FindingKinds.VisitOverdue, "RSO-1");
    }

    [Fact]
    public void PlanInterval_OverridesTheRiskBand()
    {
        // High risk (91 days) but the plan says 120: visited 110 days ago, due in 10 days.
        var report = Run(
            Caseload().Offender("RSO-1", RiskLevel.High, Managed(o => o.PlanIntervalDays(120).LastVisitedDaysAgo(110))),
            [.. OverdueRules, RuleNames.VisitDueSoon]);

        report.Should().HaveNoFindingFor(FindingKinds.VisitOverdue, "RSO-1");
        report.Should().HaveFinding(FindingKinds.VisitDueSoon).ForOffender("RSO-1").Which.DueOn.Should().Be(DaysAgo(110).AddDays(120));
    }

    [Fact]
    public void ReactiveManagement_OnlyForLowRisk()
    {
        // Every rule runs: the Low-risk offender under reactive management must draw no finding of any kind.
        var scenario = Caseload()
            .Offender("RSO-LOW", RiskLevel.Low, Managed(o => o.ReactiveManagement().LastVisitedDaysAgo(900)))
            .Offender("RSO-MED", RiskLevel.Medium, Managed(o => o.ReactiveManagement().LastVisitedDaysAgo(200)))
            .Offender("RSO-CUST", RiskLevel.High, Managed(o => o.ReactiveManagement().InCustody()));

        var report = scenario.Evaluate();

        report.Problems.Should().BeEmpty("the scenario itself must be valid");
        report.Findings.Should().NotContain(f => f.OffenderId == "RSO-LOW");
        report.Findings.Should().Contain(f => f.OffenderId == "RSO-MED" && f.Kind == FindingKinds.VisitOverdue, "above Low risk the offender needs visits like any other");
        report.Findings.Where(f => f.Kind == FindingKinds.ReactiveManagementIneligible).Select(f => f.OffenderId)
            .Should().Equal("RSO-CUST", "RSO-MED");
    }

    [Fact]
    public void OffenderRegisteredAfterTheAsOfDate_IsLeftOut()
    {
        // Every rule runs: an offender not yet registered draws no finding of any kind.
        var report = Caseload().Offender("RSO-FUTURE", RiskLevel.Medium, o => o.Unallocated().RegisteredOn(AsOf.AddDays(1))).Evaluate();

        report.Problems.Should().BeEmpty("the scenario itself must be valid");
        report.Findings.Should().BeEmpty();
        report.Summary.NotYetRegistered.Should().Be(1);
        report.Summary.Evaluated.Should().Be(0);
        report.Summary.Offenders.Should().Be(1);
    }

    [Fact]
    public void TwoNoAccessVisitsAfterTheLastCompletedVisit_AreRepeatedNoAccess()
    {
        var report = Run(
            Caseload()
                .Offender("RSO-2", RiskLevel.Medium, Managed(o => o.LastVisitedDaysAgo(30).NoAccessDaysAgo(20, 10)))
                .Offender("RSO-1", RiskLevel.Medium, Managed(o => o.NoAccessDaysAgo(40).LastVisitedDaysAgo(30).NoAccessDaysAgo(10)))
                .Offender("RSO-0", RiskLevel.Medium, Managed(o => o.NoAccessDaysAgo(40, 35))),
            RuleNames.RepeatedNoAccess);

        report.Findings.Where(f => f.Kind == FindingKinds.RepeatedNoAccess).Select(f => (f.OffenderId, f.NoAccessVisits))
            .Should().Equal(("RSO-0", 2), ("RSO-2", 2));
    }

    [Fact]
    public void RepeatedNoAccessThreshold_IsAPolicyParameter()
    {
        var report = Run(
            Caseload()
                .Offender("RSO-2", RiskLevel.Medium, Managed(o => o.LastVisitedDaysAgo(30).NoAccessDaysAgo(20, 10)))
                .WithPolicy(p => p.RepeatedNoAccessVisits = 3),
            RuleNames.RepeatedNoAccess);

        report.Should().HaveNoFinding(FindingKinds.RepeatedNoAccess);
    }
}
