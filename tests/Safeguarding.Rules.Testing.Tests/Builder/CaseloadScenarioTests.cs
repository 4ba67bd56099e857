using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Testing.Tests.Builder;

public sealed class CaseloadScenarioTests
{
    private static readonly DateOnly AsOf = new(2018, 5, 1);

    [Fact]
    public void Evaluate_HighRiskVisited99DaysAgo_Is8DaysOverdueWithTheInspector()
    {
        // High interval 91: due = asOf - 99 + 91 = 2018-04-23, 8 days overdue; High and more than 7: DetectiveInspector.
        var report = CaseloadScenario.AsOf(AsOf)
            .Manager("OM-1", team: "T-1")
            .Offender("RSO-1", RiskLevel.High, o => o.LastVisitedDaysAgo(99).ManagedBy("OM-1"))
            .Evaluate();

        report.Should().BeEvaluated()
            .And.HaveFinding(FindingKinds.VisitOverdue).ForOffender("RSO-1")
            .DueOn(new DateOnly(2018, 4, 23)).WithDaysOverdue(8).EscalatedTo(EscalationLevel.DetectiveInspector);
        report.AsOf.Should().Be(AsOf);
    }

    [Fact]
    public void Evaluate_WithPolicy_UsesTheChangedPolicy()
    {
        // High interval 60: visited 69 days ago, due 2018-04-22, 9 days overdue.
        var scenario = CaseloadScenario.AsOf(AsOf)
            .Manager("OM-1", team: "T-1")
            .Offender("RSO-1", RiskLevel.High, o => o.LastVisitedDaysAgo(69).ManagedBy("OM-1"))
            .WithPolicy(p => p.VisitIntervalDays.High = 60);

        scenario.Policy.VisitIntervalDays.High.Should().Be(60);
        scenario.Evaluate().Should().HaveFinding(FindingKinds.VisitOverdue).ForOffender("RSO-1").WithDaysOverdue(9);
    }

    [Fact]
    public void WithPolicy_PolicyObject_IsCopied()
    {
        var policy = new SafeguardingPolicy { Version = "force-1" };
        var scenario = CaseloadScenario.AsOf(AsOf).WithPolicy(policy);

        policy.Version = "changed later";

        scenario.Policy.Version.Should().Be("force-1");
        scenario.ToOptions().Policy!.Version.Should().Be("force-1");
    }

    [Fact]
    public void ToSnapshot_DefaultOffender_IsUnallocatedRegisteredLongAgoAndRecentlyAssessed()
    {
        var snapshot = CaseloadScenario.AsOf(AsOf).Offender("RSO-1", RiskLevel.Medium).ToSnapshot();

        snapshot.AsOf.Should().Be(AsOf);
        snapshot.Offenders.Should().ContainSingle().Which.Should().Be(new Offender
        {
            Id = "RSO-1",
            RiskLevel = RiskLevel.Medium,
            RegisteredOn = AsOf.AddDays(-OffenderBuilder.DefaultRegisteredDaysAgo),
            RiskAssessedOn = AsOf.AddDays(-OffenderBuilder.DefaultRiskAssessedDaysAgo),
        });
        snapshot.Visits.Should().BeEmpty();
        snapshot.Briefings.Should().BeEmpty();
        snapshot.Teams.Should().NotBeNull().And.BeEmpty();
    }

    [Fact]
    public void ToSnapshot_EveryOffenderDetail_IsInTheSnapshot()
    {
        var scenario = CaseloadScenario.AsOf(AsOf)
            .Manager("OM-1", team: "T-1")
            .Offender("RSO-1", RiskLevel.VeryHigh, o => o
                .ManagedBy("OM-1")
                .RegisteredDaysAgo(400)
                .ReleasedOn(new DateOnly(2018, 1, 1))
                .NeverRiskAssessed()
                .InCustody()
                .ReactiveManagement()
                .PlanIntervalDays(45)
                .MappaLevel(2)
                .LivesIn("NPT-1", movedInDaysAgo: 20)
                .VisitedDaysAgo(10, VisitOutcome.Cancelled)
                .NoAccessDaysAgo(9, 8)
                .BriefedDaysAgo(5)
                .BriefedOn(new DateOnly(2018, 4, 30), "NPT-2"));

        var snapshot = scenario.ToSnapshot();

        snapshot.Offenders.Should().ContainSingle().Which.Should().Be(new Offender
        {
            Id = "RSO-1",
            ManagerId = "OM-1",
            RiskLevel = RiskLevel.VeryHigh,
            RegisteredOn = AsOf.AddDays(-400),
            ReleasedOn = new DateOnly(2018, 1, 1),
            RiskAssessedOn = null,
            InCustody = true,
            ReactiveManagement = true,
            VisitIntervalDays = 45,
            MappaLevel = 2,
            NeighbourhoodId = "NPT-1",
            MovedIntoNeighbourhoodOn = AsOf.AddDays(-20),
        });
        snapshot.Visits.Select(v => (v.Date, v.Outcome)).Should().Equal(
            (AsOf.AddDays(-10), VisitOutcome.Cancelled), (AsOf.AddDays(-9), VisitOutcome.NoAccess), (AsOf.AddDays(-8), VisitOutcome.NoAccess));
        snapshot.Briefings.Select(b => (b.NeighbourhoodId, b.Date)).Should().Equal(("NPT-1", AsOf.AddDays(-5)), ("NPT-2", new DateOnly(2018, 4, 30)));
    }

    [Fact]
    public void Manager_WithTeam_DeclaresTheTeamOnce()
    {
        var snapshot = CaseloadScenario.AsOf(AsOf).Team("T-2").Manager("OM-1", team: "T-1").Manager("OM-2", team: "T-1").Manager("OM-3").ToSnapshot();

        snapshot.Teams!.Select(t => t.Id).Should().Equal("T-2", "T-1");
        snapshot.Managers.Select(m => (m.Id, m.TeamId)).Should().Equal(("OM-1", "T-1"), ("OM-2", "T-1"), ("OM-3", (string?)null));
    }

    [Fact]
    public void Holding_Fillers_CountInTheCaseloadAndRaiseNothingElse()
    {
        var report = CaseloadScenario.AsOf(AsOf).Manager("OM-1", team: "T-1").Holding("OM-1", 30).Holding("OM-1", 21).Evaluate();

        report.Summary.Evaluated.Should().Be(51);
        report.Findings.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Kind = FindingKinds.CaseloadAboveTarget, ManagerId = "OM-1", Caseload = 51 });
        var ids = CaseloadScenario.AsOf(AsOf).Holding("OM-1", 2).Holding("OM-1", 1).ToSnapshot().Offenders.Select(o => o.Id);
        ids.Should().Equal("OM-1-H001", "OM-1-H002", "OM-1-H003");
    }

    [Fact]
    public void AllowingPartialResults_InvalidOffender_BecomesADataQualityFinding()
    {
        var scenario = CaseloadScenario.AsOf(AsOf)
            .Manager("OM-1", team: "T-1")
            .Offender("RSO-1", RiskLevel.Low, o => o.ManagedBy("OM-404"));

        scenario.Evaluate().IsEvaluated.Should().BeFalse();
        scenario.AllowingPartialResults().PartialResultsAllowed.Should().BeTrue();
        scenario.Evaluate().Should().HaveFinding(FindingKinds.DataQuality).ForOffender("RSO-1").WithIndex(0);
    }

    [Fact]
    public void Evaluate_OwnEvaluator_IsUsed()
    {
        var engine = new SafeguardingEngine(new SafeguardingRulesOptions().DisableRule(Rules.RuleNames.Unallocated));
        var scenario = CaseloadScenario.AsOf(AsOf).Offender("RSO-1", RiskLevel.Low, o => o.LastVisitedDaysAgo(1));

        scenario.Evaluate().Should().HaveFinding(FindingKinds.Unallocated);
        scenario.Evaluate(engine).Should().HaveNoFinding(FindingKinds.Unallocated).And.NotHaveFired(Rules.RuleNames.Unallocated);
    }

    [Fact]
    public void DaysAgo_CountsBackFromTheAsOfDate()
    {
        CaseloadScenario.AsOf(AsOf).DaysAgo(30).Should().Be(new DateOnly(2018, 4, 1));
        CaseloadScenario.AsOf(AsOf).DaysAgo(-1).Should().Be(new DateOnly(2018, 5, 2));
    }

    [Fact]
    public void ToSnapshot_BriefingWithoutAnyNeighbourhood_Throws()
    {
        var scenario = CaseloadScenario.AsOf(AsOf).Offender("RSO-1", RiskLevel.Low, o => o.BriefedDaysAgo(3));

        var act = () => scenario.ToSnapshot();

        act.Should().Throw<InvalidOperationException>().WithMessage("*RSO-1*LivesIn*");
    }

    [Fact]
    public void Offender_EmptyId_Throws()
    {
        var act = () => CaseloadScenario.AsOf(AsOf).Offender("", RiskLevel.Low);

        act.Should().Throw<ArgumentException>();
    }
}
