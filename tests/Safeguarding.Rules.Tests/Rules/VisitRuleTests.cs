using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Tests.Support;

namespace Safeguarding.Rules.Tests.Rules;

/// <summary>Contract section 2, Visits.</summary>
public sealed class VisitRuleTests
{
    [Fact]
    public void VisitDueOnTheAsOfDate_IsNotOverdue_ButDueSoonToday()
    {
        // Medium risk: interval 182 days; last completed visit 182 days ago, so due today.
        var scenario = new Scenario().With("RSO-1").Completed("RSO-1", 182);

        scenario.Finding(FindingKinds.VisitOverdue, "RSO-1").Should().BeNull();
        var dueSoon = scenario.Finding(FindingKinds.VisitDueSoon, "RSO-1");
        dueSoon.Should().NotBeNull();
        dueSoon!.DaysUntilDue.Should().Be(0);
        dueSoon.DueOn.Should().Be(Scenario.AsOf);
    }

    [Fact]
    public void VisitDueTheDayBeforeTheAsOfDate_IsOverdueByOneDay()
    {
        var overdue = new Scenario().With("RSO-1").Completed("RSO-1", 183).Finding(FindingKinds.VisitOverdue, "RSO-1");

        overdue.Should().NotBeNull();
        overdue!.DaysOverdue.Should().Be(1);
        overdue.DueOn.Should().Be(Scenario.DaysAgo(1));
    }

    [Theory]
    [InlineData(RiskLevel.VeryHigh, 30)]
    [InlineData(RiskLevel.High, 91)]
    [InlineData(RiskLevel.Medium, 182)]
    [InlineData(RiskLevel.Low, 365)]
    public void IntervalByRiskLevel_IsThePolicyDefault(RiskLevel risk, int interval)
    {
        var scenario = new Scenario().With("RSO-1", risk).Completed("RSO-1", interval + 3);

        scenario.Finding(FindingKinds.VisitOverdue, "RSO-1")!.DaysOverdue.Should().Be(3);
    }

    [Fact]
    public void DueSoonWindow_CoversFourteenDays_NotFifteen()
    {
        var scenario = new Scenario()
            .With("RSO-14").Completed("RSO-14", 182 - 14)
            .With("RSO-15").Completed("RSO-15", 182 - 15);

        scenario.Finding(FindingKinds.VisitDueSoon, "RSO-14")!.DaysUntilDue.Should().Be(14);
        scenario.Finding(FindingKinds.VisitDueSoon, "RSO-15").Should().BeNull();
    }

    [Fact]
    public void NoAccessVisit_DoesNotResetTheClock()
    {
        var scenario = new Scenario().With("RSO-1").Completed("RSO-1", 190).NoAccess("RSO-1", 5);

        scenario.Finding(FindingKinds.VisitOverdue, "RSO-1")!.DaysOverdue.Should().Be(8);
    }

    [Fact]
    public void CompletedVisitDatedAfterTheAsOfDate_IsIgnored()
    {
        var scenario = new Scenario().With("RSO-1").Completed("RSO-1", 190).Visit("RSO-1", Scenario.AsOf.AddDays(1));

        scenario.Finding(FindingKinds.VisitOverdue, "RSO-1")!.DaysOverdue.Should().Be(8);
    }

    [Fact]
    public void NeverVisited_FirstVisitIsDueTwentyEightDaysAfterRegistration()
    {
        var scenario = new Scenario()
            .With("RSO-28", change: o => o with { RegisteredOn = Scenario.DaysAgo(28), RiskAssessedOn = null })
            .With("RSO-29", change: o => o with { RegisteredOn = Scenario.DaysAgo(29), RiskAssessedOn = null });

        scenario.Finding(FindingKinds.VisitOverdue, "RSO-28").Should().BeNull();
        scenario.Finding(FindingKinds.VisitOverdue, "RSO-29")!.DaysOverdue.Should().Be(1);
    }

    [Fact]
    public void Custody_SuspendsVisits()
    {
        var scenario = new Scenario().With("RSO-1", change: o => o with { InCustody = true }).Completed("RSO-1", 900);

        var report = scenario.Evaluate();

        report.Findings.Should().NotContain(f => f.OffenderId == "RSO-1" && (f.Kind == FindingKinds.VisitOverdue || f.Kind == FindingKinds.VisitDueSoon));
    }

    [Fact]
    public void Release_RestartsTheFirstVisitClock()
    {
        // Visited 100 days ago, then released 40 days ago: the visit before release does not count.
        var scenario = new Scenario()
            .With("RSO-1", RiskLevel.Low, o => o with { ReleasedOn = Scenario.DaysAgo(40) })
            .Completed("RSO-1", 100);

        var overdue = scenario.Finding(FindingKinds.VisitOverdue, "RSO-1");

        overdue.Should().NotBeNull();
        overdue!.DueOn.Should().Be(Scenario.DaysAgo(40).AddDays(28));
        overdue.DaysOverdue.Should().Be(12);
    }

    [Fact]
    public void ReleaseDatedAfterTheAsOfDate_IsTreatedAsAbsent()
    {
        var scenario = new Scenario()
            .With("RSO-1", RiskLevel.Low, o => o with { ReleasedOn = Scenario.AsOf.AddDays(5) })
            .Completed("RSO-1", 100);

        scenario.Finding(FindingKinds.VisitOverdue, "RSO-1").Should().BeNull();
    }

    [Fact]
    public void PlanInterval_OverridesTheRiskBand()
    {
        // High risk (91 days) but the plan says 120: visited 110 days ago, due in 10 days.
        var scenario = new Scenario()
            .With("RSO-1", RiskLevel.High, o => o with { VisitIntervalDays = 120 })
            .Completed("RSO-1", 110);

        scenario.Finding(FindingKinds.VisitOverdue, "RSO-1").Should().BeNull();
        scenario.Finding(FindingKinds.VisitDueSoon, "RSO-1")!.DueOn.Should().Be(Scenario.DaysAgo(110).AddDays(120));
    }

    [Fact]
    public void ReactiveManagement_OnlyForLowRisk()
    {
        var scenario = new Scenario()
            .With("RSO-LOW", RiskLevel.Low, o => o with { ReactiveManagement = true })
            .Completed("RSO-LOW", 900)
            .With("RSO-MED", RiskLevel.Medium, o => o with { ReactiveManagement = true })
            .Completed("RSO-MED", 200)
            .With("RSO-CUST", RiskLevel.High, o => o with { ReactiveManagement = true, InCustody = true });

        var report = scenario.Evaluate();

        report.Findings.Should().NotContain(f => f.OffenderId == "RSO-LOW");
        report.Findings.Should().Contain(f => f.OffenderId == "RSO-MED" && f.Kind == FindingKinds.VisitOverdue, "above Low risk the offender needs visits like any other");
        report.Findings.Where(f => f.Kind == FindingKinds.ReactiveManagementIneligible).Select(f => f.OffenderId)
            .Should().Equal("RSO-CUST", "RSO-MED");
    }

    [Fact]
    public void OffenderRegisteredAfterTheAsOfDate_IsLeftOut()
    {
        var report = new Scenario()
            .With("RSO-FUTURE", change: o => o with { RegisteredOn = Scenario.AsOf.AddDays(1), ManagerId = null })
            .Evaluate();

        report.Findings.Should().BeEmpty();
        report.Summary.NotYetRegistered.Should().Be(1);
        report.Summary.Evaluated.Should().Be(0);
        report.Summary.Offenders.Should().Be(1);
    }

    [Fact]
    public void TwoNoAccessVisitsAfterTheLastCompletedVisit_AreRepeatedNoAccess()
    {
        var scenario = new Scenario()
            .With("RSO-2").Completed("RSO-2", 30).NoAccess("RSO-2", 20).NoAccess("RSO-2", 10)
            .With("RSO-1").NoAccess("RSO-1", 40).Completed("RSO-1", 30).NoAccess("RSO-1", 10)
            .With("RSO-0").NoAccess("RSO-0", 40).NoAccess("RSO-0", 35);

        var findings = scenario.Findings(FindingKinds.RepeatedNoAccess);

        findings.Select(f => (f.OffenderId, f.NoAccessVisits)).Should().Equal(("RSO-0", 2), ("RSO-2", 2));
    }

    [Fact]
    public void RepeatedNoAccessThreshold_IsAPolicyParameter()
    {
        var scenario = new Scenario().With("RSO-2").Completed("RSO-2", 30).NoAccess("RSO-2", 20).NoAccess("RSO-2", 10);

        scenario.Findings(FindingKinds.RepeatedNoAccess, new SafeguardingPolicy { RepeatedNoAccessVisits = 3 }).Should().BeEmpty();
    }
}
