using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Testing;

namespace Safeguarding.Rules.Tests.Evaluation;

/// <summary>Contract section 8: an active override moves its finding to <c>suppressed</c>; a lapsed one marks it.</summary>
public sealed class OverrideSuppressionTests
{
    private const string Overdue = "VisitOverdue:RSO-1";

    private static readonly DateOnly D = new(2018, 5, 1);

    private static readonly SafeguardingEngine Engine = new();

    /// <summary>RSO-1: High risk, last completed visit 100 days ago, so 9 days overdue and escalated to the inspector.</summary>
    private static CaseloadScenario OverdueOffender() => Team().Offender("RSO-1", RiskLevel.High, o => Allocated(o).LastVisitedDaysAgo(100));

    /// <summary>Team T-1 with manager OM-1, as of <see cref="D"/>.</summary>
    private static CaseloadScenario Team() => CaseloadScenario.AsOf(D).Team("T-1").Manager("OM-1", "T-1");

    /// <summary>Managed by OM-1, registered long ago and assessed recently, so only visits decide its findings.</summary>
    private static OffenderBuilder Allocated(OffenderBuilder offender) => offender.ManagedBy("OM-1").RegisteredDaysAgo(3000).RiskAssessedDaysAgo(10);


    [Fact]
    public void Evaluate_ActiveOverride_MovesTheFindingToSuppressedWithTheOverride()
    {
        var report = OverdueOffender().Override("OV-7", Overdue, D.AddDays(-5), D.AddDays(10)).Evaluate(Engine).Valid();

        report.Findings.Should().NotContain(f => f.Id == Overdue);
        var suppressed = report.Suppressed.Should().ContainSingle().Subject;
        suppressed.Finding.Id.Should().Be(Overdue);
        suppressed.Finding.DaysOverdue.Should().Be(9, "the finding is kept as it would have been");
        suppressed.Finding.EscalateTo.Should().Be(EscalationLevel.DetectiveInspector);
        suppressed.OverrideId.Should().Be("OV-7");
        suppressed.Until.Should().Be(D.AddDays(10));
    }

    [Fact]
    public void Evaluate_ActiveOverride_CountsTheFindingAsSuppressedNotInItsKindOrEscalations()
    {
        var report = OverdueOffender().Override("OV-7", Overdue, D.AddDays(-5), D.AddDays(10)).Evaluate(Engine).Valid();

        report.Summary.Count(FindingKinds.VisitOverdue).Should().Be(0);
        report.Summary.Suppressed.Should().Be(1);
        report.Summary.Escalations[EscalationLevel.DetectiveInspector].Should().Be(0);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(-10, 0)]
    [InlineData(0, 0)]
    public void Evaluate_OverrideStartingOrEndingOnTheAsOfDate_IsActive(int fromDays, int untilDays)
    {
        var report = OverdueOffender().Override("OV-1", Overdue, D.AddDays(fromDays), D.AddDays(untilDays)).Evaluate(Engine).Valid();

        report.Suppressed.Should().ContainSingle(s => s.Finding.Id == Overdue);
        report.Findings.Should().NotContain(f => f.Id == Overdue);
    }

    [Fact]
    public void Evaluate_OverrideStartingTomorrow_IsNeitherActiveNorExpired()
    {
        var report = OverdueOffender().Override("OV-1", Overdue, D.AddDays(1), D.AddDays(20)).Evaluate(Engine).Valid();

        report.Suppressed.Should().BeEmpty();
        report.Findings.Should().ContainSingle(f => f.Id == Overdue).Which.OverrideExpiredOn.Should().BeNull();
    }

    [Fact]
    public void Evaluate_OverrideEndedYesterday_MarksTheFindingWithOverrideExpiredOn()
    {
        var report = OverdueOffender().Override("OV-1", Overdue, D.AddDays(-30), D.AddDays(-1)).Evaluate(Engine).Valid();

        report.Suppressed.Should().BeEmpty();
        report.Summary.Suppressed.Should().Be(0);
        report.Summary.Count(FindingKinds.VisitOverdue).Should().Be(1);
        report.Findings.Should().ContainSingle(f => f.Id == Overdue).Which.OverrideExpiredOn.Should().Be(D.AddDays(-1));
    }

    [Fact]
    public void Evaluate_SeveralEndedOverrides_GiveTheLatestUntil()
    {
        var report = OverdueOffender()
            .Override("OV-1", Overdue, D.AddDays(-60), D.AddDays(-20))
            .Override("OV-2", Overdue, D.AddDays(-19), D.AddDays(-3))
            .Override("OV-3", Overdue, D.AddDays(-40), D.AddDays(-10))
            .Evaluate(Engine).Valid();

        report.Findings.Should().ContainSingle(f => f.Id == Overdue).Which.OverrideExpiredOn.Should().Be(D.AddDays(-3));
    }

    [Fact]
    public void Evaluate_EndedAndActiveOverrides_SuppressWithoutOverrideExpiredOn()
    {
        var report = OverdueOffender()
            .Override("OV-1", Overdue, D.AddDays(-60), D.AddDays(-20))
            .Override("OV-2", Overdue, D.AddDays(-5), D.AddDays(5))
            .Evaluate(Engine).Valid();

        var suppressed = report.Suppressed.Should().ContainSingle().Subject;
        suppressed.OverrideId.Should().Be("OV-2");
        suppressed.Finding.OverrideExpiredOn.Should().BeNull();
    }

    [Fact]
    public void Evaluate_TwoActiveOverrides_TheLatestUntilWins()
    {
        var report = OverdueOffender()
            .Override("OV-1", Overdue, D.AddDays(-5), D.AddDays(5))
            .Override("OV-2", Overdue, D.AddDays(-5), D.AddDays(30))
            .Override("OV-3", Overdue, D.AddDays(-5), D.AddDays(10))
            .Evaluate(Engine).Valid();

        var suppressed = report.Suppressed.Should().ContainSingle().Subject;
        suppressed.OverrideId.Should().Be("OV-2");
        suppressed.Until.Should().Be(D.AddDays(30));
    }

    [Fact]
    public void Evaluate_TwoActiveOverridesWithTheSameUntil_TheFirstInSnapshotOrderWins()
    {
        var report = OverdueOffender()
            .Override("OV-B", Overdue, D.AddDays(-5), D.AddDays(10))
            .Override("OV-A", Overdue, D.AddDays(-1), D.AddDays(10))
            .Evaluate(Engine).Valid();

        report.Suppressed.Should().ContainSingle().Which.OverrideId.Should().Be("OV-B");
    }

    [Fact]
    public void Evaluate_OverrideOfAFindingThatDoesNotHold_IsHarmlessAndReportedNowhere()
    {
        var without = OverdueOffender().Evaluate(Engine).Valid();
        var with = OverdueOffender()
            .Override("OV-1", "VisitOverdue:RSO-NOBODY", D.AddDays(-5), D.AddDays(5))
            .Override("OV-2", "VisitDueSoon:RSO-1", D.AddDays(-5), D.AddDays(5))
            .Override("OV-3", "VisitOverdue:RSO-GONE", D.AddDays(-50), D.AddDays(-5))
            .Evaluate(Engine).Valid();

        with.Findings.Should().Equal(without.Findings);
        with.Suppressed.Should().BeEmpty();
        with.Summary.Suppressed.Should().Be(0);
        with.Summary.FindingsByKind.Should().Equal(without.Summary.FindingsByKind);
        with.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_RejectedOverrideWithPartialResults_SuppressesNothingAndIsOnlyInRejected()
    {
        var snapshot = OverdueOffender().Override("OV-1", Overdue, D.AddDays(-5), D.AddDays(5), reasonCode: "in hospital").ToSnapshot();

        var report = Engine.Evaluate(snapshot, new EvaluationOptions { AllowPartialResults = true });

        report.IsEvaluated.Should().BeTrue();
        report.Problems.Should().ContainSingle().Which.Should().Be(new InputProblem(
            "overrides", 0, "OV-1", "reasonCode", "must be a code of 1-64 characters from A-Z, 0-9 and _ (never free text)"));
        report.Suppressed.Should().BeEmpty();
        report.Findings.Should().Contain(f => f.Id == Overdue);
        report.Findings.Should().NotContain(f => f.Kind == FindingKinds.DataQuality, "a rejected override hides nothing, so it needs no DataQuality finding");
        report.Summary.Count(FindingKinds.DataQuality).Should().Be(0);
    }

    [Fact]
    public void Evaluate_RejectedOverrideWithoutPartialResults_StopsTheRun()
    {
        var snapshot = OverdueOffender().Override("OV-1", Overdue, D.AddDays(5), D.AddDays(-5)).ToSnapshot();

        var report = Engine.Evaluate(snapshot);

        report.IsEvaluated.Should().BeFalse();
        report.Problems.Should().ContainSingle().Which.Field.Should().Be("until");
    }

    [Fact]
    public void Evaluate_SuppressedOverdueVisits_StillCountForBacklogAndOutcomes()
    {
        // Two of three offenders overdue: far above 5% of the team's caseload, so UnitBacklog; both overdue visits deferred.
        CaseloadScenario ThreeOffenders() => Team()
            .Offender("RSO-1", RiskLevel.High, o => Allocated(o).LastVisitedDaysAgo(100))
            .Offender("RSO-2", RiskLevel.High, o => Allocated(o).LastVisitedDaysAgo(120))
            .Offender("RSO-3", RiskLevel.High, o => Allocated(o).LastVisitedDaysAgo(10));
        var without = ThreeOffenders().Evaluate(Engine).Valid();
        var with = ThreeOffenders()
            .Override("OV-1", "VisitOverdue:RSO-1", D.AddDays(-5), D.AddDays(5))
            .Override("OV-2", "VisitOverdue:RSO-2", D.AddDays(-5), D.AddDays(5))
            .Evaluate(Engine).Valid();

        with.Summary.Count(FindingKinds.VisitOverdue).Should().Be(0);
        with.Suppressed.Should().HaveCount(2);
        with.Findings.Should().ContainSingle(f => f.Kind == FindingKinds.UnitBacklog).Which.OverdueVisits.Should().Be(2);
        with.Findings.Should().Equal(without.Findings.Where(f => f.Kind != FindingKinds.VisitOverdue));
        with.Summary.Outcomes.VisitedWithinPolicyPercent.Should().Equal(without.Summary.Outcomes.VisitedWithinPolicyPercent);
        with.Summary.Outcomes.MedianDaysOverdue.Should().Be(without.Summary.Outcomes.MedianDaysOverdue);
        with.Summary.Outcomes.MaxDaysOverdue.Should().Be(without.Summary.Outcomes.MaxDaysOverdue);
    }

    [Fact]
    public void Evaluate_SuppressedFindings_AreInTheContractsOrder()
    {
        var report = Team()
            .Offender("RSO-2", RiskLevel.High, o => Allocated(o).LastVisitedDaysAgo(100))
            .Offender("RSO-1", RiskLevel.High, o => Allocated(o).NeverRiskAssessed())
            .Override("OV-1", "RiskReviewOverdue:RSO-1", D.AddDays(-5), D.AddDays(5))
            .Override("OV-2", "VisitOverdue:RSO-2", D.AddDays(-5), D.AddDays(5))
            .Override("OV-3", "VisitOverdue:RSO-1", D.AddDays(-5), D.AddDays(5))
            .Evaluate(Engine).Valid();

        report.Suppressed.Select(s => s.Finding.Id).Should().Equal("VisitOverdue:RSO-1", "VisitOverdue:RSO-2", "RiskReviewOverdue:RSO-1");
    }

    [Fact]
    public void Evaluate_KindNotListedByDefault_IsRejected()
    {
        var snapshot = Team().Holding("OM-1", 51)
            .Override("OV-1", "CaseloadAboveTarget:OM-1", D.AddDays(-5), D.AddDays(5))
            .ToSnapshot();

        var report = Engine.Evaluate(snapshot, new EvaluationOptions { AllowPartialResults = true });

        report.Problems.Should().ContainSingle().Which.Field.Should().Be("findingId");
        report.Findings.Should().Contain(f => f.Id == "CaseloadAboveTarget:OM-1");
    }

    [Fact]
    public void Evaluate_KindThePolicyLists_IsSuppressed()
    {
        var policy = new SafeguardingPolicy();
        policy.Overrides.Kinds = [FindingKinds.CaseloadAboveTarget];

        var report = Team().Holding("OM-1", 51)
            .Override("OV-1", "CaseloadAboveTarget:OM-1", D.AddDays(-5), D.AddDays(5))
            .WithPolicy(policy).Evaluate(Engine).Valid();

        report.Suppressed.Should().ContainSingle().Which.Finding.Id.Should().Be("CaseloadAboveTarget:OM-1");
        report.Summary.Count(FindingKinds.CaseloadAboveTarget).Should().Be(0);
    }

    [Fact]
    public void Evaluate_KindThePolicyNoLongerLists_IsRejectedAndSuppressesNothing()
    {
        var policy = new SafeguardingPolicy();
        policy.Overrides.Kinds = [FindingKinds.VisitDueSoon];
        var snapshot = OverdueOffender().Override("OV-1", Overdue, D.AddDays(-5), D.AddDays(5)).ToSnapshot();

        var report = Engine.Evaluate(snapshot, new EvaluationOptions { Policy = policy, AllowPartialResults = true });

        report.Problems.Should().ContainSingle().Which.Problem.Should().Be(
            "names a VisitOverdue finding, a kind the policy's overrides.kinds does not list (VisitDueSoon)");
        report.Findings.Should().Contain(f => f.Id == Overdue);
    }

    [Fact]
    public void Evaluate_NoOverrides_SuppressesNothing()
    {
        var report = OverdueOffender().Evaluate(Engine).Valid();

        report.Suppressed.Should().BeEmpty();
        report.Summary.Suppressed.Should().Be(0);
        report.Findings.Should().Contain(f => f.Id == Overdue).And.OnlyContain(f => f.OverrideExpiredOn == null);
    }
}

/// <summary>The check every scenario of these tests needs.</summary>
file static class ScenarioReports
{
    /// <summary>The report, which must have no input problems: the scenarios themselves are valid.</summary>
    public static EvaluationReport Valid(this EvaluationReport report)
    {
        report.Problems.Should().BeEmpty("the scenario itself must be valid");
        return report;
    }
}
