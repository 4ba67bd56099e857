using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Visits;

namespace Safeguarding.Rules.Tests.Rules;

/// <summary>The home-visit policy's arithmetic (<c>Rules/Visits/VisitSchedule</c>), one function at a time.</summary>
public sealed class VisitScheduleTests
{
    private static readonly DateOnly AsOf = new(2018, 5, 1);

    [Fact]
    public void DaysOverdue_DueToday_IsZero_AndNotOverdue_ButDueSoon()
    {
        var days = VisitSchedule.DaysOverdue(AsOf, AsOf);

        days.Should().Be(0);
        VisitSchedule.IsOverdue(days).Should().BeFalse();
        VisitSchedule.IsDueSoon(days, 14).Should().BeTrue();
        VisitSchedule.IsDueSoon(days, 0).Should().BeTrue("a window of 0 days still holds the visit due today");
    }

    [Fact]
    public void IsOverdue_DueYesterday_IsOverdueByOneDay()
    {
        var days = VisitSchedule.DaysOverdue(AsOf.AddDays(-1), AsOf);

        days.Should().Be(1);
        VisitSchedule.IsOverdue(days).Should().BeTrue();
        VisitSchedule.IsDueSoon(days, 14).Should().BeFalse();
    }

    [Theory]
    [InlineData(14, true)]
    [InlineData(15, false)]
    public void IsDueSoon_DueInFourteenOrFifteenDays_OnlyFourteenIsWithinTheDefaultWindow(int daysAhead, bool dueSoon)
    {
        var days = VisitSchedule.DaysOverdue(AsOf.AddDays(daysAhead), AsOf);

        VisitSchedule.IsDueSoon(days, new SafeguardingPolicy().DueSoonDays).Should().Be(dueSoon);
    }

    [Fact]
    public void DueOn_NoCompletedVisitSinceTheStart_IsTheStartPlusTheFirstVisitDays()
    {
        var start = new DateOnly(2018, 3, 1);

        VisitSchedule.FirstVisitPending(new DateOnly(2018, 2, 28), start).Should().BeTrue();
        VisitSchedule.DueOn(start, new DateOnly(2018, 2, 28), intervalDays: 91, firstVisitDays: 28).Should().Be(new DateOnly(2018, 3, 29));
        VisitSchedule.DueOn(start, null, intervalDays: 91, firstVisitDays: 28).Should().Be(new DateOnly(2018, 3, 29));
    }

    [Fact]
    public void DueOn_ACompletedVisitOnTheStartDay_IsThatVisitPlusTheInterval()
    {
        var start = new DateOnly(2018, 3, 1);

        VisitSchedule.FirstVisitPending(start, start).Should().BeFalse();
        VisitSchedule.DueOn(start, start, intervalDays: 91, firstVisitDays: 28).Should().Be(new DateOnly(2018, 5, 31));
    }

    [Fact]
    public void Start_IsTheLaterOfRegistrationAndRelease()
    {
        var registered = new DateOnly(2010, 1, 1);

        VisitSchedule.Start(registered, null).Should().Be(registered);
        VisitSchedule.Start(registered, new DateOnly(2009, 1, 1)).Should().Be(registered);
        VisitSchedule.Start(registered, new DateOnly(2017, 6, 1)).Should().Be(new DateOnly(2017, 6, 1));
    }

    [Fact]
    public void IntervalDays_ThePlansOwnInterval_BeatsThePolicys()
    {
        var intervals = PolicyView.Default.VisitIntervalDays;

        VisitSchedule.IntervalDays(intervals, RiskLevel.High, null).Should().Be(91);
        VisitSchedule.IntervalDays(intervals, RiskLevel.High, 10).Should().Be(10);
    }

    [Fact]
    public void NeedsVisits_CustodyOrReactiveManagementAtLowRisk_NeedsNone()
    {
        VisitSchedule.NeedsVisits(inCustody: false, reactiveManagement: false, RiskLevel.Low).Should().BeTrue();
        VisitSchedule.NeedsVisits(inCustody: true, reactiveManagement: false, RiskLevel.VeryHigh).Should().BeFalse();
        VisitSchedule.NeedsVisits(inCustody: false, reactiveManagement: true, RiskLevel.Low).Should().BeFalse();
        VisitSchedule.NeedsVisits(inCustody: false, reactiveManagement: true, RiskLevel.Medium).Should().BeTrue();
    }

    [Theory]
    [InlineData(3_000_000)]
    [InlineData(int.MaxValue)]
    public void DueOn_AHugeInterval_IsNeverDue_NotAnException(int days)
    {
        var due = VisitSchedule.DueOn(AsOf, AsOf, intervalDays: days, firstVisitDays: days);
        var pending = VisitSchedule.DueOn(AsOf, null, intervalDays: days, firstVisitDays: days);

        due.Should().BeNull();
        pending.Should().BeNull();
        VisitSchedule.DaysOverdue(due, AsOf).Should().BeNull();
        VisitSchedule.IsOverdue(null).Should().BeFalse();
        VisitSchedule.IsDueSoon(null, int.MaxValue).Should().BeFalse();
    }

    [Fact]
    public void DueOn_TheLastDayOfTheCalendar_IsReached_TheDayAfterIsNot()
    {
        var last = DateOnly.MaxValue;

        VisitSchedule.DueOn(last.AddDays(-30), last.AddDays(-30), intervalDays: 30, firstVisitDays: 28).Should().Be(last);
        VisitSchedule.DueOn(last.AddDays(-30), last.AddDays(-30), intervalDays: 31, firstVisitDays: 28).Should().BeNull();
        VisitSchedule.DueOn(last, null, intervalDays: 30, firstVisitDays: 1).Should().BeNull();
    }

    [Fact]
    public void HasRepeatedNoAccess_ReachingTheThreshold_Holds_OnlyWhenVisitsAreNeeded()
    {
        VisitSchedule.HasRepeatedNoAccess(needsVisits: true, 2, 2).Should().BeTrue();
        VisitSchedule.HasRepeatedNoAccess(needsVisits: true, 1, 2).Should().BeFalse();
        VisitSchedule.HasRepeatedNoAccess(needsVisits: false, 5, 2).Should().BeFalse();
    }
}
