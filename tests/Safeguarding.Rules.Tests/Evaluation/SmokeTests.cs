using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Findings;

namespace Safeguarding.Rules.Tests.Evaluation;

public sealed class SmokeTests
{
    [Fact]
    public void Evaluate_OneOverdueHighRiskOffender_FindsOverdueVisitEscalatedToInspector()
    {
        var engine = new SafeguardingEngine();
        var snapshot = new CaseloadSnapshot
        {
            AsOf = new DateOnly(2018, 5, 1),
            Teams = [new Team { Id = "T-NORTH" }],
            Managers = [new Manager { Id = "OM-017", TeamId = "T-NORTH" }],
            Offenders =
            [
                new Offender { Id = "RSO-000123", ManagerId = "OM-017", RiskLevel = RiskLevel.High, RegisteredOn = new DateOnly(2015, 3, 2), RiskAssessedOn = new DateOnly(2018, 1, 10) },
            ],
            Visits = [new Visit { OffenderId = "RSO-000123", Date = new DateOnly(2018, 1, 9), Outcome = VisitOutcome.Completed }],
        };

        var report = engine.Evaluate(snapshot);

        report.IsEvaluated.Should().BeTrue();
        var overdue = report.Findings.Should().ContainSingle(f => f.Kind == FindingKinds.VisitOverdue).Subject;
        overdue.DueOn.Should().Be(new DateOnly(2018, 4, 10));
        overdue.DaysOverdue.Should().Be(21);
        overdue.EscalateTo.Should().Be(EscalationLevel.DetectiveInspector);
        overdue.Reason.Should().Be("High risk: last completed home visit 2018-01-09; interval 91 days; due 2018-04-10; 21 days overdue; escalated to DetectiveInspector: High risk and more than 7 days overdue.");
        report.Findings.Should().Contain(f => f.Kind == FindingKinds.UnitBacklog && f.TeamId == "T-NORTH");
    }
}
