using Safeguarding.Rules.Caseload;
using Safeguarding.Rules.Community;

namespace Safeguarding.Rules.Tests.Rules;

/// <summary>The caseload and community policies' arithmetic, beside their rules.</summary>
public sealed class PolicyFunctionTests
{
    private static readonly DateOnly AsOf = new(2018, 5, 1);

    [Fact]
    public void CaseloadMembership_InCustody_DoesNotCount()
    {
        CaseloadMembership.Counts(inCustody: false).Should().BeTrue();
        CaseloadMembership.Counts(inCustody: true).Should().BeFalse();
    }

    [Theory]
    [InlineData(50, false, false)]
    [InlineData(51, true, false)]
    [InlineData(75, true, false)]
    [InlineData(76, false, true)]
    public void CaseloadMembership_AboveTargetAndCritical_AreExclusive(int caseload, bool aboveTarget, bool critical)
    {
        CaseloadMembership.IsAboveTarget(caseload, 50, 75).Should().Be(aboveTarget);
        CaseloadMembership.IsCritical(caseload, 75).Should().Be(critical);
    }

    [Theory]
    [InlineData(5, 100, false)] // exactly 5%
    [InlineData(6, 100, true)]
    [InlineData(1, 19, true)] // 5.26%
    public void CaseloadMembership_UnitBacklog_IsStrictlyAboveThePercentage(int overdue, int caseload, bool backlog) =>
        CaseloadMembership.IsUnitBacklog(overdue, caseload, 5m).Should().Be(backlog);

    [Fact]
    public void RiskReviewSchedule_DueToday_IsNotOverdue_DueYesterdayIs()
    {
        var assessed = AsOf.AddDays(-365);

        RiskReviewSchedule.DueOn(new DateOnly(2010, 1, 1), assessed, 365, 28).Should().Be(AsOf);
        RiskReviewSchedule.IsOverdue(AsOf, AsOf).Should().BeFalse();
        RiskReviewSchedule.IsOverdue(AsOf.AddDays(-1), AsOf).Should().BeTrue();
    }

    [Fact]
    public void RiskReviewSchedule_NoAssessment_IsRegistrationPlusTheInitialAssessmentDays()
    {
        RiskReviewSchedule.DueOn(new DateOnly(2018, 4, 1), null, 365, 28).Should().Be(new DateOnly(2018, 4, 29));
    }

    [Theory]
    [InlineData(3_000_000)]
    [InlineData(int.MaxValue)]
    public void RiskReviewSchedule_BeyondTheCalendar_IsNeverDue(int days)
    {
        RiskReviewSchedule.DueOn(AsOf, AsOf, days, days).Should().BeNull();
        RiskReviewSchedule.DueOn(DateOnly.MaxValue, null, 365, 28).Should().BeNull();
        RiskReviewSchedule.IsOverdue(null, DateOnly.MaxValue).Should().BeFalse();
    }

    [Fact]
    public void NeighbourhoodBriefingSchedule_ReferenceDate_IsTheMoveInDateWhenKnown()
    {
        var start = new DateOnly(2017, 1, 1);

        NeighbourhoodBriefingSchedule.ReferenceDate(null, start).Should().Be(start);
        NeighbourhoodBriefingSchedule.ReferenceDate(new DateOnly(2018, 4, 1), start).Should().Be(new DateOnly(2018, 4, 1));
    }

    [Theory]
    [InlineData(7, null, false)] // exactly 7 days: not yet
    [InlineData(8, null, true)]
    [InlineData(8, 0, false)] // briefed on the reference date
    [InlineData(8, -1, true)] // briefed the day before: an old briefing
    public void NeighbourhoodBriefingSchedule_IsNotBriefed_AfterMoreThanTheBriefingDaysWithNoBriefingSince(int daysSince, int? briefedDaysAfterReference, bool notBriefed)
    {
        var reference = AsOf.AddDays(-daysSince);
        DateOnly? briefed = briefedDaysAfterReference is { } d ? reference.AddDays(d) : null;

        NeighbourhoodBriefingSchedule.IsNotBriefed(AsOf, reference, briefed, 7).Should().Be(notBriefed);
    }

    [Fact]
    public void PolicyCalendar_AddDays_PastTheLastDay_IsNull()
    {
        PolicyCalendar.AddDays(DateOnly.MaxValue, 0).Should().Be(DateOnly.MaxValue);
        PolicyCalendar.AddDays(DateOnly.MaxValue, 1).Should().BeNull();
        PolicyCalendar.AddDays(DateOnly.MinValue, int.MaxValue).Should().BeNull();
        PolicyCalendar.AddDays(DateOnly.MinValue, -1).Should().BeNull();
    }
}
