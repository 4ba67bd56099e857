using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.TestSupport.Oracle;
using Safeguarding.Rules.Tests.Differential;
using Safeguarding.Rules.Testing;

namespace Safeguarding.Rules.Tests.Evaluation;

/// <summary>
/// Issue 14 item 3: policy values and dates that validate must evaluate. The contract sets only minimums, and
/// 9999-12-31 is a real date: a due date beyond the calendar is never reached, so it gives no finding (and no
/// exception). The oracle must agree.
/// </summary>
public sealed class CalendarLimitTests
{
    private static readonly DateOnly LastDay = DateOnly.MaxValue;

    private static readonly DateOnly AsOf = new(2018, 5, 1);

    public static TheoryData<string> HugePolicies => new() { "firstVisitDays", "visitIntervalDays", "initialAssessmentDays", "riskReviewDays" };

    [Theory]
    [MemberData(nameof(HugePolicies))]
    public void Evaluate_APolicyValueOfThreeMillionDays_IsNeverDue_AndMatchesTheOracle(string property)
    {
        var policy = Huge(property, 3_000_000);
        // The registration and assessment dates are given in full: the oracle sees the same snapshot.
        var scenario = CaseloadScenario.AsOf(AsOf).Manager("OM-1", team: "T-1")
            .Offender("RSO-1", RiskLevel.High, o => o.ManagedBy("OM-1").NeverRiskAssessed().RegisteredDaysAgo(400))
            .Offender("RSO-2", RiskLevel.Low, o => o.ManagedBy("OM-1").RegisteredDaysAgo(3000).RiskAssessedDaysAgo(10).LastVisitedDaysAgo(5))
            .Offender("RSO-3", RiskLevel.Medium, o => o.ManagedBy("OM-1").RegisteredDaysAgo(3000).RiskAssessedDaysAgo(10).LastVisitedDaysAgo(10))
            .Offender("RSO-4", RiskLevel.VeryHigh, o => o.ManagedBy("OM-1").RegisteredDaysAgo(3000).RiskAssessedDaysAgo(2000).LastVisitedDaysAgo(31))
            .WithPolicy(policy);
        var snapshot = scenario.ToSnapshot();

        var report = scenario.Evaluate();

        report.IsEvaluated.Should().BeTrue();
        var kinds = property is "initialAssessmentDays" or "riskReviewDays" ? new[] { FindingKinds.RiskReviewOverdue } : [FindingKinds.VisitOverdue, FindingKinds.VisitDueSoon];
        var stillDue = property switch
        {
            "initialAssessmentDays" => "RSO-4", // assessed, so reviewed every 365 days
            "riskReviewDays" => "RSO-1", // never assessed, so due 28 days after registration
            "firstVisitDays" => "RSO-4", // visited, so due after the interval
            _ => "RSO-1", // never visited, so due 28 days after registration
        };
        report.Findings.Where(f => kinds.Contains(f.Kind)).Select(f => f.OffenderId).Distinct().Should().Equal(stillDue);
        ReportComparison.AssertSame(report, ReferenceEvaluator.Evaluate(snapshot, AsOf, policy), property + " = 3,000,000");
    }

    [Fact]
    public void Evaluate_DatesOnTheLastDayOfTheCalendar_EvaluateAndMatchTheOracle()
    {
        var snapshot = new CaseloadSnapshot
        {
            AsOf = LastDay,
            Teams = [new Team { Id = "T-1" }],
            Managers = [new Manager { Id = "OM-1", TeamId = "T-1" }],
            Offenders =
            [
                new Offender { Id = "RSO-1", ManagerId = "OM-1", RiskLevel = RiskLevel.High, RegisteredOn = LastDay },
                new Offender { Id = "RSO-2", ManagerId = "OM-1", RiskLevel = RiskLevel.Medium, RegisteredOn = LastDay.AddDays(-5000), RiskAssessedOn = LastDay },
                new Offender { Id = "RSO-3", ManagerId = "OM-1", RiskLevel = RiskLevel.Low, RegisteredOn = LastDay.AddDays(-5000), RiskAssessedOn = LastDay.AddDays(-10), VisitIntervalDays = 730 },
                new Offender { Id = "RSO-4", ManagerId = "OM-1", RiskLevel = RiskLevel.High, RegisteredOn = LastDay.AddDays(-5000), RiskAssessedOn = LastDay.AddDays(-400), NeighbourhoodId = "N-1", ReleasedOn = LastDay },
            ],
            Visits = [new Visit { OffenderId = "RSO-3", Date = LastDay.AddDays(-100), Outcome = VisitOutcome.Completed }],
        };

        var report = new SafeguardingEngine().Evaluate(snapshot);

        report.IsEvaluated.Should().BeTrue();
        report.Findings.Should().NotContain(f => f.OffenderId == "RSO-1", "registered on the last day: every deadline is beyond the calendar");
        report.Findings.Should().NotContain(f => f.OffenderId == "RSO-3", "visited 100 days ago with a 730-day plan: due beyond the calendar");
        report.Findings.Should().Contain(f => f.OffenderId == "RSO-4" && f.Kind == FindingKinds.RiskReviewOverdue);
        ReportComparison.AssertSame(report, ReferenceEvaluator.Evaluate(snapshot, LastDay, new SafeguardingPolicy()), "dates on 9999-12-31");
    }

    private static SafeguardingPolicy Huge(string property, int days)
    {
        var policy = new SafeguardingPolicy { Version = property };
        switch (property)
        {
            case "firstVisitDays":
                policy.FirstVisitDays = days;
                break;
            case "visitIntervalDays":
                policy.VisitIntervalDays = new VisitIntervalPolicy { VeryHigh = days, High = days, Medium = days, Low = days };
                break;
            case "initialAssessmentDays":
                policy.InitialAssessmentDays = days;
                break;
            default:
                policy.RiskReviewDays = days;
                break;
        }

        return policy;
    }
}
