using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Testing;

namespace Safeguarding.Rules.Tests.Rules;

/// <summary>Contract section 2, Community checks: each test runs only the rule it is about (the shipped kit's <c>EvaluateOnly</c>).</summary>
public sealed class CommunityRuleTests
{
    private static readonly DateOnly AsOf = new(2018, 5, 1);

    private static DateOnly DaysAgo(int days) => AsOf.AddDays(-days);

    /// <summary>Manager OM-1 in team T-1; offenders are given to OM-1 by <see cref="Managed"/>.</summary>
    private static CaseloadScenario Caseload() => CaseloadScenario.AsOf(AsOf).Manager("OM-1", team: "T-1");

    private static Action<OffenderBuilder> Managed(Action<OffenderBuilder> describe) => o => describe(o.ManagedBy("OM-1"));

    private static IReadOnlyList<Finding> Findings(CaseloadScenario scenario, string rule, string kind)
    {
        var report = scenario.EvaluateOnly(rule);
        report.Problems.Should().BeEmpty("the scenario itself must be valid");
        return report.Findings.Where(f => f.Kind == kind).ToList();
    }

    [Fact]
    public void RiskAssessmentOlderThanAYear_IsOverdue()
    {
        var scenario = Caseload()
            .Offender("RSO-365", RiskLevel.Medium, Managed(o => o.RiskAssessedDaysAgo(365)))
            .Offender("RSO-366", RiskLevel.Medium, Managed(o => o.RiskAssessedDaysAgo(366)));

        var finding = Findings(scenario, RuleNames.RiskReviewOverdue, FindingKinds.RiskReviewOverdue).Should().ContainSingle().Subject;
        finding.OffenderId.Should().Be("RSO-366");
        finding.DueOn.Should().Be(DaysAgo(1));
    }

    [Fact]
    public void NoAssessment_InitialAssessmentDueTwentyEightDaysAfterRegistration()
    {
        var scenario = Caseload()
            .Offender("RSO-28", RiskLevel.Medium, Managed(o => o.NeverRiskAssessed().RegisteredDaysAgo(28)))
            .Offender("RSO-29", RiskLevel.Medium, Managed(o => o.NeverRiskAssessed().RegisteredDaysAgo(29)))
            .Offender("RSO-LATER", RiskLevel.Medium, Managed(o => o.RiskAssessedOn(AsOf.AddDays(1)).RegisteredDaysAgo(29)));

        Findings(scenario, RuleNames.RiskReviewOverdue, FindingKinds.RiskReviewOverdue).Select(f => f.OffenderId).Should().Equal("RSO-29", "RSO-LATER");
    }

    [Fact]
    public void RiskReview_NotRequiredInCustody()
    {
        var scenario = Caseload().Offender("RSO-1", RiskLevel.Medium, Managed(o => o.NeverRiskAssessed().InCustody()));

        Findings(scenario, RuleNames.RiskReviewOverdue, FindingKinds.RiskReviewOverdue).Should().BeEmpty();
    }

    [Fact]
    public void Neighbourhood_MustBeBriefedWithinSevenDaysOfAMove()
    {
        var scenario = Caseload()
            .Offender("RSO-7", RiskLevel.Medium, Managed(o => o.LivesIn("NPT-1", movedInDaysAgo: 7)))
            .Offender("RSO-8", RiskLevel.Medium, Managed(o => o.LivesIn("NPT-1", movedInDaysAgo: 8)));

        var finding = Findings(scenario, RuleNames.NeighbourhoodNotBriefed, FindingKinds.NeighbourhoodNotBriefed).Should().ContainSingle().Subject;
        finding.OffenderId.Should().Be("RSO-8");
        finding.NeighbourhoodId.Should().Be("NPT-1");
        finding.Since.Should().Be(DaysAgo(8));
    }

    [Fact]
    public void Briefing_CountsOnlyForTheSameNeighbourhood_OnOrAfterTheMove_AndNotAfterTheAsOfDate()
    {
        static Action<OffenderBuilder> Moved(Action<OffenderBuilder> briefing) => o => briefing(o.ManagedBy("OM-1").LivesIn("NPT-1", movedInDaysAgo: 30));
        var scenario = Caseload()
            .Offender("RSO-ON-MOVE", RiskLevel.Medium, Moved(o => o.BriefedOn(DaysAgo(30), "NPT-1")))
            .Offender("RSO-BEFORE", RiskLevel.Medium, Moved(o => o.BriefedOn(DaysAgo(31), "NPT-1")))
            .Offender("RSO-OTHER", RiskLevel.Medium, Moved(o => o.BriefedOn(DaysAgo(20), "NPT-2")))
            .Offender("RSO-FUTURE", RiskLevel.Medium, Moved(o => o.BriefedOn(AsOf.AddDays(1), "NPT-1")));

        Findings(scenario, RuleNames.NeighbourhoodNotBriefed, FindingKinds.NeighbourhoodNotBriefed).Select(f => f.OffenderId)
            .Should().Equal("RSO-BEFORE", "RSO-FUTURE", "RSO-OTHER");
    }

    [Fact]
    public void NoMoveDate_BriefingIsDueFromRegistration()
    {
        var scenario = Caseload().Offender("RSO-1", RiskLevel.Medium, Managed(o => o.LivesIn("NPT-1").RegisteredDaysAgo(20)));

        Findings(scenario, RuleNames.NeighbourhoodNotBriefed, FindingKinds.NeighbourhoodNotBriefed)
            .Should().ContainSingle().Which.Since.Should().Be(DaysAgo(20));
    }
}
