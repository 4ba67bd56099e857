using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Tests.Support;

namespace Safeguarding.Rules.Tests.Rules;

/// <summary>Contract section 2, Community checks.</summary>
public sealed class CommunityRuleTests
{
    [Fact]
    public void RiskAssessmentOlderThanAYear_IsOverdue()
    {
        var scenario = new Scenario()
            .With("RSO-365", change: o => o with { RiskAssessedOn = Scenario.DaysAgo(365) })
            .With("RSO-366", change: o => o with { RiskAssessedOn = Scenario.DaysAgo(366) });

        var finding = scenario.Findings(FindingKinds.RiskReviewOverdue).Should().ContainSingle().Subject;
        finding.OffenderId.Should().Be("RSO-366");
        finding.DueOn.Should().Be(Scenario.DaysAgo(1));
    }

    [Fact]
    public void NoAssessment_InitialAssessmentDueTwentyEightDaysAfterRegistration()
    {
        var scenario = new Scenario()
            .With("RSO-28", change: o => o with { RiskAssessedOn = null, RegisteredOn = Scenario.DaysAgo(28) })
            .With("RSO-29", change: o => o with { RiskAssessedOn = null, RegisteredOn = Scenario.DaysAgo(29) })
            .With("RSO-LATER", change: o => o with { RiskAssessedOn = Scenario.AsOf.AddDays(1), RegisteredOn = Scenario.DaysAgo(29) });

        scenario.Findings(FindingKinds.RiskReviewOverdue).Select(f => f.OffenderId).Should().Equal("RSO-29", "RSO-LATER");
    }

    [Fact]
    public void RiskReview_NotRequiredInCustody()
    {
        new Scenario().With("RSO-1", change: o => o with { RiskAssessedOn = null, InCustody = true })
            .Findings(FindingKinds.RiskReviewOverdue).Should().BeEmpty();
    }

    [Fact]
    public void Neighbourhood_MustBeBriefedWithinSevenDaysOfAMove()
    {
        var scenario = new Scenario()
            .With("RSO-7", change: o => o with { NeighbourhoodId = "NPT-1", MovedIntoNeighbourhoodOn = Scenario.DaysAgo(7) })
            .With("RSO-8", change: o => o with { NeighbourhoodId = "NPT-1", MovedIntoNeighbourhoodOn = Scenario.DaysAgo(8) });

        var finding = scenario.Findings(FindingKinds.NeighbourhoodNotBriefed).Should().ContainSingle().Subject;
        finding.OffenderId.Should().Be("RSO-8");
        finding.NeighbourhoodId.Should().Be("NPT-1");
        finding.Since.Should().Be(Scenario.DaysAgo(8));
    }

    [Fact]
    public void Briefing_CountsOnlyForTheSameNeighbourhood_OnOrAfterTheMove_AndNotAfterTheAsOfDate()
    {
        Offender Moved(Offender o) => o with { NeighbourhoodId = "NPT-1", MovedIntoNeighbourhoodOn = Scenario.DaysAgo(30) };
        var scenario = new Scenario()
            .With("RSO-ON-MOVE", change: Moved).Briefed("RSO-ON-MOVE", "NPT-1", Scenario.DaysAgo(30))
            .With("RSO-BEFORE", change: Moved).Briefed("RSO-BEFORE", "NPT-1", Scenario.DaysAgo(31))
            .With("RSO-OTHER", change: Moved).Briefed("RSO-OTHER", "NPT-2", Scenario.DaysAgo(20))
            .With("RSO-FUTURE", change: Moved).Briefed("RSO-FUTURE", "NPT-1", Scenario.AsOf.AddDays(1));

        scenario.Findings(FindingKinds.NeighbourhoodNotBriefed).Select(f => f.OffenderId)
            .Should().Equal("RSO-BEFORE", "RSO-FUTURE", "RSO-OTHER");
    }

    [Fact]
    public void NoMoveDate_BriefingIsDueFromRegistration()
    {
        var scenario = new Scenario().With("RSO-1", change: o => o with { NeighbourhoodId = "NPT-1", RegisteredOn = Scenario.DaysAgo(20) });

        scenario.Findings(FindingKinds.NeighbourhoodNotBriefed).Should().ContainSingle().Which.Since.Should().Be(Scenario.DaysAgo(20));
    }
}
