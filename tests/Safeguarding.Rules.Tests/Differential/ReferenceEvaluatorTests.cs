using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.TestSupport.Oracle;

namespace Safeguarding.Rules.Tests.Differential;

/// <summary>The oracle itself against the contract's own examples and sentences, so that a differential failure points at the engine.</summary>
public sealed class ReferenceEvaluatorTests
{
    private static readonly DateOnly AsOf = new(2018, 5, 1);

    [Fact]
    public void Evaluate_ContractSection5Example_OverdueByTwentyOneDaysGoesToDetectiveInspector()
    {
        var snapshot = Snapshot(
            [new Offender { Id = "RSO-000123", ManagerId = "OM-017", RiskLevel = RiskLevel.High, RegisteredOn = new(2015, 3, 2), RiskAssessedOn = new(2018, 1, 10) }],
            [new Visit { OffenderId = "RSO-000123", Date = new(2018, 1, 9), Outcome = VisitOutcome.Completed }]);

        var report = ReferenceEvaluator.Evaluate(snapshot, AsOf, new SafeguardingPolicy());

        var overdue = report.Findings.Should().ContainSingle(f => f.Kind == FindingKinds.VisitOverdue).Subject;
        overdue.Should().BeEquivalentTo(new
        {
            OffenderId = "RSO-000123",
            ManagerId = "OM-017",
            TeamId = "T-NORTH",
            RiskLevel = RiskLevel.High,
            DueOn = new DateOnly(2018, 4, 10),
            DaysOverdue = 21,
            EscalateTo = EscalationLevel.DetectiveInspector,
        });
        report.Findings.Should().ContainSingle(f => f.Kind == FindingKinds.UnitBacklog)
            .Which.Should().BeEquivalentTo(new { TeamId = "T-NORTH", OverdueVisits = 1, Caseload = 1 });
        report.MedianDaysOverdue.Should().Be(21m);
        report.MaxDaysOverdue.Should().Be(21);
        report.VisitedWithinPolicyPercent.Should().Equal(new Dictionary<RiskLevel, decimal> { [RiskLevel.High] = 0m });
    }

    [Theory]
    [InlineData(0, FindingKinds.VisitDueSoon)]
    [InlineData(1, FindingKinds.VisitOverdue)]
    [InlineData(-14, FindingKinds.VisitDueSoon)]
    [InlineData(-15, null)]
    public void Evaluate_DueDateAroundAsOf_OverdueOnlyAfterTheDueDate(int daysPastDue, string? expectedKind)
    {
        // High risk, interval 91: a completed visit 91 + daysPastDue days before D.
        var snapshot = Snapshot(
            [new Offender { Id = "RSO-1", ManagerId = "OM-017", RiskLevel = RiskLevel.High, RegisteredOn = new(2015, 3, 2), RiskAssessedOn = AsOf }],
            [new Visit { OffenderId = "RSO-1", Date = AsOf.AddDays(-(91 + daysPastDue)), Outcome = VisitOutcome.Completed }]);

        var report = ReferenceEvaluator.Evaluate(snapshot, AsOf, new SafeguardingPolicy());

        var visitKinds = report.Findings.Select(f => f.Kind).Where(k => k is FindingKinds.VisitOverdue or FindingKinds.VisitDueSoon).ToList();
        if (expectedKind is null)
        {
            visitKinds.Should().BeEmpty();
        }
        else
        {
            visitKinds.Should().Equal(expectedKind);
        }
    }

    [Theory]
    [InlineData(7, RiskLevel.High, false, false, EscalationLevel.OffenderManager)]
    [InlineData(8, RiskLevel.High, false, false, EscalationLevel.DetectiveInspector)]
    [InlineData(14, RiskLevel.Medium, false, false, EscalationLevel.OffenderManager)]
    [InlineData(15, RiskLevel.Medium, false, false, EscalationLevel.Supervisor)]
    [InlineData(28, RiskLevel.Low, false, false, EscalationLevel.Supervisor)]
    [InlineData(29, RiskLevel.Low, false, false, EscalationLevel.DetectiveInspector)]
    [InlineData(1, RiskLevel.VeryHigh, false, false, EscalationLevel.Supervisor)]
    [InlineData(8, RiskLevel.VeryHigh, false, false, EscalationLevel.DetectiveInspector)]
    [InlineData(1, RiskLevel.Low, true, false, EscalationLevel.Supervisor)]
    [InlineData(1, RiskLevel.Low, false, true, EscalationLevel.Supervisor)]
    [InlineData(9, RiskLevel.High, true, true, EscalationLevel.DetectiveInspector)]
    public void EscalationFor_DefaultThresholds_HighestLevelThatHolds(int daysOverdue, RiskLevel risk, bool repeatedNoAccess, bool managerCritical, EscalationLevel expected)
    {
        ReferenceEvaluator.EscalationFor(daysOverdue, risk, repeatedNoAccess, managerCritical, new EscalationPolicy()).Should().Be(expected);
    }

    [Fact]
    public void Evaluate_RegisteredAfterAsOf_LeftOutOfEveryCountAndFinding()
    {
        var snapshot = Snapshot(
            [new Offender { Id = "RSO-1", RiskLevel = RiskLevel.VeryHigh, RegisteredOn = AsOf.AddDays(1), ReactiveManagement = true }],
            [new Visit { OffenderId = "RSO-1", Date = AsOf, Outcome = VisitOutcome.NoAccess }]);

        var report = ReferenceEvaluator.Evaluate(snapshot, AsOf, new SafeguardingPolicy());

        report.Findings.Should().BeEmpty();
        report.Offenders.Should().Be(1);
        report.Evaluated.Should().Be(0);
        report.NotYetRegistered.Should().Be(1);
        report.VisitedWithinPolicyPercent.Should().BeEmpty();
        report.MedianDaysOverdue.Should().BeNull();
    }

    [Fact]
    public void Evaluate_NoAccessAfterLatestCompletedEvenBeforeStart_CountsOnlyThoseAfterIt()
    {
        var snapshot = Snapshot(
            [new Offender { Id = "RSO-1", ManagerId = "OM-017", RiskLevel = RiskLevel.Low, RegisteredOn = AsOf.AddDays(-20), RiskAssessedOn = AsOf }],
            [
                new Visit { OffenderId = "RSO-1", Date = AsOf.AddDays(-40), Outcome = VisitOutcome.NoAccess },
                new Visit { OffenderId = "RSO-1", Date = AsOf.AddDays(-30), Outcome = VisitOutcome.Completed },
                new Visit { OffenderId = "RSO-1", Date = AsOf.AddDays(-20), Outcome = VisitOutcome.NoAccess },
                new Visit { OffenderId = "RSO-1", Date = AsOf.AddDays(-5), Outcome = VisitOutcome.NoAccess },
                new Visit { OffenderId = "RSO-1", Date = AsOf.AddDays(1), Outcome = VisitOutcome.NoAccess },
            ]);

        var report = ReferenceEvaluator.Evaluate(snapshot, AsOf, new SafeguardingPolicy());

        report.Findings.Should().ContainSingle(f => f.Kind == FindingKinds.RepeatedNoAccess).Which.NoAccessVisits.Should().Be(2);
        // The completed visit is before Start (registration), so the first visit is due Start + 28.
        report.Findings.Should().ContainSingle(f => f.Kind == FindingKinds.VisitDueSoon).Which.DueOn.Should().Be(AsOf.AddDays(8));
    }

    [Theory]
    [InlineData(8, false)]
    [InlineData(7, true)]
    public void Evaluate_BacklogPercentWithFraction_ExactComparison(int caseload, bool expectedBacklog)
    {
        // One overdue visit; 12.5% of 8 is exactly 1, which is not more than 1.
        var offenders = Enumerable.Range(0, caseload)
            .Select(i => new Offender { Id = $"RSO-{i}", ManagerId = "OM-017", RiskLevel = RiskLevel.Low, RegisteredOn = AsOf.AddDays(i == 0 ? -30 : -1), RiskAssessedOn = AsOf })
            .ToList();
        var policy = new SafeguardingPolicy { Caseload = { Target = 100, Critical = 100 }, Escalation = { UnitBacklogPercent = 12.5m } };

        var report = ReferenceEvaluator.Evaluate(Snapshot(offenders, []), AsOf, policy);

        report.Count(FindingKinds.VisitOverdue).Should().Be(1);
        report.Count(FindingKinds.UnitBacklog).Should().Be(expectedBacklog ? 1 : 0);
    }

    [Fact]
    public void Evaluate_TwoOfThreeNotOverdueAndEvenOverdueCount_RoundsPercentAndAveragesMedian()
    {
        var offenders = new[] { -30, -31, -1 }
            .Select((registered, i) => new Offender { Id = $"RSO-{i}", ManagerId = "OM-017", RiskLevel = RiskLevel.Medium, RegisteredOn = AsOf.AddDays(registered), RiskAssessedOn = AsOf })
            .ToList();

        var report = ReferenceEvaluator.Evaluate(Snapshot(offenders, []), AsOf, new SafeguardingPolicy());

        // Overdue by 2 and 3 days: median 2.5; one of three within policy: 33.3%.
        report.MedianDaysOverdue.Should().Be(2.5m);
        report.MaxDaysOverdue.Should().Be(3);
        report.VisitedWithinPolicyPercent.Should().Equal(new Dictionary<RiskLevel, decimal> { [RiskLevel.Medium] = 33.3m });
    }

    [Fact]
    public void Evaluate_FindingsOfSeveralKinds_SortedByKindThenTeamManagerOffenderAbsentFirst()
    {
        var snapshot = new CaseloadSnapshot
        {
            Managers = [new Manager { Id = "OM-2", TeamId = "T-B" }, new Manager { Id = "OM-1", TeamId = "T-A" }, new Manager { Id = "OM-3" }],
            Offenders =
            [
                new Offender { Id = "RSO-b", ManagerId = "OM-2", RiskLevel = RiskLevel.Low, RegisteredOn = AsOf.AddDays(-100) },
                new Offender { Id = "RSO-a", ManagerId = "OM-1", RiskLevel = RiskLevel.Low, RegisteredOn = AsOf.AddDays(-100) },
                new Offender { Id = "RSO-c", ManagerId = "OM-3", RiskLevel = RiskLevel.Low, RegisteredOn = AsOf.AddDays(-100) },
                new Offender { Id = "RSO-d", RiskLevel = RiskLevel.Low, RegisteredOn = AsOf.AddDays(-100) },
            ],
        };

        var report = ReferenceEvaluator.Evaluate(snapshot, AsOf, new SafeguardingPolicy());

        report.Findings.Where(f => f.Kind == FindingKinds.VisitOverdue).Select(f => f.OffenderId).Should().Equal("RSO-d", "RSO-c", "RSO-a", "RSO-b");
        report.Findings.Select(f => f.Kind).Distinct().Should().Equal(FindingKinds.VisitOverdue, FindingKinds.Unallocated, FindingKinds.UnitBacklog, FindingKinds.RiskReviewOverdue);
    }

    private static CaseloadSnapshot Snapshot(IReadOnlyList<Offender> offenders, IReadOnlyList<Visit> visits) => new()
    {
        Teams = [new Team { Id = "T-NORTH" }],
        Managers = [new Manager { Id = "OM-017", TeamId = "T-NORTH" }],
        Offenders = offenders,
        Visits = visits,
    };
}
