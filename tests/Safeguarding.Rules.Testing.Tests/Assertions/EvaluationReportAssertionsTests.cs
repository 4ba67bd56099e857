using FluentAssertions.Execution;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Xunit.Sdk;

namespace Safeguarding.Rules.Testing.Tests.Assertions;

public sealed class EvaluationReportAssertionsTests
{
    private static readonly DateOnly AsOf = new(2018, 5, 1);

    /// <summary>
    /// RSO-1: High, visited 99 days ago: due 2018-04-23, 8 days overdue, DetectiveInspector (High and more than 7).
    /// RSO-2: Medium, visited 197 days ago: due 2018-04-16, 15 days overdue, Supervisor (more than 14).
    /// RSO-3: Medium, visited 170 days ago: due 2018-05-13, due soon in 12 days.
    /// T-1's caseload is 3 with 2 overdue: UnitBacklog.
    /// </summary>
    private static readonly EvaluationReport Report = CaseloadScenario.AsOf(AsOf)
        .Manager("OM-1", team: "T-1")
        .Offender("RSO-1", RiskLevel.High, o => o.ManagedBy("OM-1").LastVisitedDaysAgo(99))
        .Offender("RSO-2", RiskLevel.Medium, o => o.ManagedBy("OM-1").LastVisitedDaysAgo(197))
        .Offender("RSO-3", RiskLevel.Medium, o => o.ManagedBy("OM-1").LastVisitedDaysAgo(170))
        .Evaluate();

    [Fact]
    public void WithField_AnySchemaField_NarrowsByItsWrittenValue()
    {
        Report.Should().HaveFinding(FindingKinds.VisitOverdue).WithField("offenderId", "RSO-2").WithField("daysOverdue", "15")
            .WithField("escalateTo", "Supervisor").Which.DueOn.Should().Be(new DateOnly(2018, 4, 16));

        var wrong = () => Report.Should().HaveFinding(FindingKinds.VisitOverdue).WithField("daysOverdue", "16");
        wrong.Should().Throw<XunitException>().WithMessage("*with daysOverdue 16*");
        var unknown = () => Report.Should().HaveFinding(FindingKinds.VisitOverdue).WithField("daysOverDue", "15");
        unknown.Should().Throw<ArgumentException>().WithMessage("daysOverDue is not a finding field*");
    }

    [Fact]
    public void HaveFinding_Matching_PassesAndGivesTheFinding()
    {
        var finding = Report.Should().HaveFinding(FindingKinds.VisitOverdue)
            .ForOffender("RSO-1")
            .ForManager("OM-1")
            .ForTeam("T-1")
            .WithRiskLevel(RiskLevel.High)
            .DueOn(new DateOnly(2018, 4, 23))
            .WithDaysOverdue(8)
            .EscalatedTo(EscalationLevel.DetectiveInspector)
            .FromRule(RuleNames.EscalateToDetectiveInspector)
            .WithReasonContaining("High risk and more than 7 days overdue")
            .Which;

        finding.OffenderId.Should().Be("RSO-1");
    }

    [Fact]
    public void HaveFinding_OtherFields_NarrowTheirKinds()
    {
        Report.Should().HaveFinding(FindingKinds.VisitDueSoon).ForOffender("RSO-3").WithDaysUntilDue(12)
            .And.HaveFinding(FindingKinds.UnitBacklog).ForTeam("T-1").WithOverdueVisits(2).WithCaseload(3);
    }

    [Fact]
    public void HaveFinding_WrongEscalation_ListsTheOffendersFindingsWithTheirReasons()
    {
        var report = Report; // a local: failure messages name the subject from the caller's code when it can be read, else "report"
        var act = () => report.Should().HaveFinding(FindingKinds.VisitOverdue).ForOffender("RSO-1").EscalatedTo(EscalationLevel.Supervisor, "a High risk visit {0} days late goes to the sergeant", 8);

        var message = act.Should().Throw<XunitException>().Which.Message;
        message.Should().StartWith("Expected report to have a VisitOverdue finding for offender RSO-1 escalated to Supervisor because a High risk visit 8 days late goes to the sergeant, but the VisitOverdue findings for offender RSO-1 are:\n");
        message.Should().Contain("  { kind: VisitOverdue, offender: RSO-1, manager: OM-1, team: T-1, risk: High, dueOn: 2018-04-23, daysOverdue: 8, escalateTo: DetectiveInspector, rule: EscalateToDetectiveInspector }\n    reason: High risk: last completed home visit 2018-01-22;");
    }

    [Fact]
    public void HaveFinding_NoneForTheOffender_ListsTheFindingsOfTheKind()
    {
        var report = Report; // a local: failure messages name the subject from the caller's code when it can be read, else "report"
        var act = () => report.Should().HaveFinding(FindingKinds.VisitOverdue).ForOffender("RSO-3");

        act.Should().Throw<XunitException>().Which.Message.Should()
            .StartWith("Expected report to have a VisitOverdue finding for offender RSO-3, but the VisitOverdue findings are:\n  { kind: VisitOverdue, offender: RSO-1,")
            .And.Contain("\n  { kind: VisitOverdue, offender: RSO-2,");
    }

    [Fact]
    public void HaveFinding_NoFindingOfTheKind_CountsWhatThereIs()
    {
        var report = Report; // a local: failure messages name the subject from the caller's code when it can be read, else "report"
        var act = () => report.Should().HaveFinding(FindingKinds.CaseloadCritical);

        act.Should().Throw<XunitException>().WithMessage(
            "Expected report to have a CaseloadCritical finding, but its findings are 2 VisitOverdue, 1 VisitDueSoon, 1 UnitBacklog.");
    }

    [Fact]
    public void Which_SeveralLeft_ListsThem()
    {
        var act = () => _ = Report.Should().HaveFinding(FindingKinds.VisitOverdue).Which;

        act.Should().Throw<XunitException>().Which.Message.Should().StartWith("Expected exactly one VisitOverdue finding, but there are 2:\n  { kind: VisitOverdue, offender: RSO-1,");
    }

    [Fact]
    public void HaveNoFinding_FindingsPresent_ListsThem()
    {
        Report.Should().HaveNoFinding(FindingKinds.CaseloadAboveTarget);

        var report = Report; // a local: failure messages name the subject from the caller's code when it can be read, else "report"
        var act = () => report.Should().HaveNoFinding(FindingKinds.VisitDueSoon);

        act.Should().Throw<XunitException>().Which.Message.Should().StartWith(
            "Expected report to have no VisitDueSoon finding, but it has 1:\n  { kind: VisitDueSoon, offender: RSO-3, manager: OM-1, team: T-1, risk: Medium, dueOn: 2018-05-13, daysUntilDue: 12, rule: VisitDueSoon }\n    reason: ");
    }

    [Fact]
    public void HaveNoFindingFor_Subject_ChecksOnlyThatSubject()
    {
        Report.Should().HaveNoFindingFor(FindingKinds.VisitOverdue, "RSO-3");

        var report = Report; // a local: failure messages name the subject from the caller's code when it can be read, else "report"
        var act = () => report.Should().HaveNoFindingFor(FindingKinds.VisitOverdue, "RSO-2");

        act.Should().Throw<XunitException>().Which.Message.Should().StartWith(
            "Expected report to have no VisitOverdue finding for RSO-2, but it has 1:\n  { kind: VisitOverdue, offender: RSO-2,");
    }

    [Fact]
    public void HaveSummaryCount_Counts()
    {
        Report.Should().HaveSummaryCount(FindingKinds.VisitOverdue, 2).And.HaveSummaryCount(FindingKinds.Unallocated, 0)
            .And.HaveEscalationCount(EscalationLevel.DetectiveInspector, 1)
            .And.HaveEscalationCount(EscalationLevel.OffenderManager, 0);

        var report = Report; // a local: failure messages name the subject from the caller's code when it can be read, else "report"
        var act = () => report.Should().HaveSummaryCount(FindingKinds.VisitOverdue, 3);

        act.Should().Throw<XunitException>().Which.Message.Should().StartWith(
            "Expected report to count 3 VisitOverdue in its summary, but it counts 2:\n  { kind: VisitOverdue, offender: RSO-1,");
    }

    [Fact]
    public void HaveEscalationCount_Wrong_ListsTheOverdueVisits()
    {
        var report = Report; // a local: failure messages name the subject from the caller's code when it can be read, else "report"
        var act = () => report.Should().HaveEscalationCount(EscalationLevel.Supervisor, 2);

        act.Should().Throw<XunitException>().Which.Message.Should().StartWith(
            "Expected report to count 2 overdue visits escalated to Supervisor, but it counts 1; the VisitOverdue findings are:\n");
    }

    [Fact]
    public void HaveFired_RuleThatFired_Passes()
    {
        Report.Should().HaveFired(RuleNames.VisitOverdue).And.HaveFired(RuleNames.EscalateToSupervisor).And.NotHaveFired(RuleNames.CaseloadCritical);
    }

    [Fact]
    public void HaveFired_RuleThatDidNotFire_ShowsWhatDidFireAndForWhom()
    {
        var report = Report; // a local: failure messages name the subject from the caller's code when it can be read, else "report"
        var act = () => report.Should().HaveFired(RuleNames.OverdueStaysWithOffenderManager);

        act.Should().Throw<XunitException>().WithMessage("""
            Expected rule OverdueStaysWithOffenderManager to have fired, but it did not; the rules that fired are:
              EscalateToDetectiveInspector for RSO-1
              EscalateToSupervisor for RSO-2
              UnitBacklog for T-1
              VisitDueSoon for RSO-3
              VisitOverdue for RSO-1, RSO-2
            """.ReplaceLineEndings("\n").TrimEnd());
    }

    [Fact]
    public void NotHaveFired_RuleThatFired_SaysForWhom()
    {
        var report = Report; // a local: failure messages name the subject from the caller's code when it can be read, else "report"
        var act = () => report.Should().NotHaveFired(RuleNames.VisitOverdue, "nothing should be overdue");

        act.Should().Throw<XunitException>().Which.Message.Should().StartWith(
            "Expected rule VisitOverdue not to have fired because nothing should be overdue, but it fired for RSO-1, RSO-2; the rules that fired are:\n");
    }

    [Fact]
    public void HaveFiredFor_SameSubjectsInAnyOrder_Passes()
    {
        Report.Should().HaveFiredFor(RuleNames.VisitOverdue, "RSO-2", "RSO-1")
            .And.HaveFiredFor(RuleNames.EscalateToDetectiveInspector, "RSO-1")
            .And.HaveFiredFor(RuleNames.UnitBacklog, "T-1")
            .And.HaveFiredFor(RuleNames.CaseloadCritical);
    }

    [Fact]
    public void HaveFiredFor_DifferentSubjects_SaysWhichAreMissingAndWhichExtra()
    {
        var report = Report; // a local: failure messages name the subject from the caller's code when it can be read, else "report"
        var act = () => report.Should().HaveFiredFor(RuleNames.VisitOverdue, "RSO-3", "RSO-1");

        act.Should().Throw<XunitException>().Which.Message.Should().StartWith(
            "Expected rule VisitOverdue to have fired for exactly RSO-1, RSO-3 (in any order), but it fired for RSO-1, RSO-2 (not for RSO-3; also for RSO-2); the rules that fired are:\n  EscalateToDetectiveInspector for RSO-1\n");
    }

    [Fact]
    public void HaveFiredExactly_SameRulesInAnyOrder_Passes()
    {
        Report.Should().HaveFiredExactly(
            RuleNames.VisitDueSoon, RuleNames.VisitOverdue, RuleNames.UnitBacklog, RuleNames.EscalateToSupervisor, RuleNames.EscalateToDetectiveInspector);
    }

    [Fact]
    public void HaveFiredExactly_DifferentRules_SaysWhichDidNotFireAndWhichAlsoFired()
    {
        var report = Report; // a local: failure messages name the subject from the caller's code when it can be read, else "report"
        var act = () => report.Should().HaveFiredExactly(RuleNames.VisitOverdue, RuleNames.RepeatedNoAccess);

        act.Should().Throw<XunitException>().Which.Message.Should().StartWith(
            "Expected exactly the rules RepeatedNoAccess, VisitOverdue to have fired (in any order), but did not fire RepeatedNoAccess; also fired EscalateToDetectiveInspector, EscalateToSupervisor, UnitBacklog, VisitDueSoon; the rules that fired are:");
    }

    [Fact]
    public void BeEvaluated_InvalidInput_ListsTheProblems()
    {
        var report = CaseloadScenario.AsOf(AsOf).Offender("RSO-1", RiskLevel.Low, o => o.ManagedBy("OM-404")).Evaluate();

        var act = () => report.Should().BeEvaluated();

        act.Should().Throw<XunitException>().WithMessage("Expected report to be evaluated, but the input had problems:\n  offenders[0] (id RSO-1) managerId: *");
    }

    [Fact]
    public void NegativeAssertions_ReportNotEvaluated_FailListingTheProblems()
    {
        // OM-404 is no manager of the snapshot: the input is invalid, nothing is evaluated, so the report has no findings
        // and no rule fired; that is not evidence that RSO-1 raised nothing.
        var report = CaseloadScenario.AsOf(AsOf).Offender("RSO-1", RiskLevel.High, o => o.ManagedBy("OM-404").LastVisitedDaysAgo(200)).Evaluate();

        var noFinding = () => report.Should().HaveNoFinding(FindingKinds.VisitOverdue);
        var noFindingFor = () => report.Should().HaveNoFindingFor(FindingKinds.VisitOverdue, "RSO-1");
        var notFired = () => report.Should().NotHaveFired(RuleNames.VisitOverdue);
        var firedForNobody = () => report.Should().HaveFiredFor(RuleNames.VisitOverdue);
        var firedNothing = () => report.Should().HaveFiredExactly();
        var countZero = () => report.Should().HaveSummaryCount(FindingKinds.VisitOverdue, 0);

        foreach (var act in new[] { noFinding, noFindingFor, notFired, firedForNobody, firedNothing, countZero })
        {
            act.Should().Throw<XunitException>().WithMessage("*but the report was not evaluated: the input had problems:\n  offenders[0] (id RSO-1) managerId: *");
        }
    }

    [Fact]
    public void ChildProtectionFindings_TheirSubjectIsTheRecord()
    {
        // As of 2018-05-01 the as-of instant is 2018-05-01T23:00Z. CUS-1 (no team) authorised 2018-05-01T12:00Z, nobody came:
        // 660 minutes, AppropriateAdultDelayed. SD-1 and SD-2 of team T-1, held Monday 2018-04-23, outcome due Tuesday
        // 2018-04-24 and never recorded: StrategyOutcomeNotRecorded for each.
        var report = CaseloadScenario.AsOf(AsOf)
            .Detention(new Detention { Id = "CUS-1", CustodySuiteId = "CS-1", Juvenile = true, AuthorisedAt = new DateTimeOffset(2018, 5, 1, 12, 0, 0, TimeSpan.Zero) })
            .Discussion(new StrategyDiscussion { Id = "SD-1", TeamId = "T-1", HeldOn = new DateOnly(2018, 4, 23) })
            .Discussion(new StrategyDiscussion { Id = "SD-2", TeamId = "T-1", HeldOn = new DateOnly(2018, 4, 23) })
            .Evaluate();

        report.Should().HaveFiredFor(RuleNames.AppropriateAdultDelayed, "CUS-1")
            .And.HaveFiredFor(RuleNames.StrategyOutcomeNotRecorded, "SD-1", "SD-2");
        var noFindingForTheDetention = () => report.Should().HaveNoFindingFor(FindingKinds.AppropriateAdultDelayed, "CUS-1");
        noFindingForTheDetention.Should().Throw<XunitException>().WithMessage("Expected report to have no AppropriateAdultDelayed finding for CUS-1, but it has 1:*");
        var noFindingForTheDiscussion = () => report.Should().HaveNoFindingFor(FindingKinds.StrategyOutcomeNotRecorded, "SD-2");
        noFindingForTheDiscussion.Should().Throw<XunitException>().WithMessage("Expected report to have no StrategyOutcomeNotRecorded finding for SD-2, but it has 1:*");
    }

    [Fact]
    public void FailureMessage_IdsWithBraces_AreShownAsTheyAre()
    {
        var report = CaseloadScenario.AsOf(AsOf).Offender("RSO-{0}", RiskLevel.Low, o => o.LastVisitedDaysAgo(1)).Evaluate();

        var act = () => report.Should().HaveNoFinding(FindingKinds.Unallocated);

        act.Should().Throw<XunitException>().Which.Message.Should().Contain("{ kind: Unallocated, offender: RSO-{0}, risk: Low, rule: Unallocated }");
    }

    [Fact]
    public void AssertionScope_SeveralFailures_AreReportedTogether()
    {
        var act = () =>
        {
            using var scope = new AssertionScope();
            Report.Should().HaveNoFinding(FindingKinds.VisitOverdue);
            Report.Should().HaveFired(RuleNames.RepeatedNoAccess);
        };

        act.Should().Throw<XunitException>().Which.Message.Should()
            .Contain("to have no VisitOverdue finding").And.Contain("Expected rule RepeatedNoAccess to have fired");
    }
}
