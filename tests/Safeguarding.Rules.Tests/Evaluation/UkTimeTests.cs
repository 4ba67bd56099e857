using Safeguarding.Rules.Evaluation;

namespace Safeguarding.Rules.Tests.Evaluation;

/// <summary>UK local time by contract section 6's rule: UTC+1 from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.</summary>
public sealed class UkTimeTests
{
    /// <summary>The last Sundays of March and October of years before, around and after the 2018 inspection.</summary>
    public static TheoryData<int, int, int> ClockChanges => new()
    {
        { 1996, 31, 27 },
        { 2018, 25, 28 },
        { 2019, 31, 27 },
        { 2021, 28, 31 },
        { 2024, 31, 27 },
        { 2025, 30, 26 },
        { 2037, 29, 25 },
    };

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(ClockChanges))]
    public void UtcOffset_AtTheClockChanges_ChangesAtOneUtc(int year, int marchSunday, int octoberSunday)
    {
        UkTime.UtcOffset(Utc(year, 3, marchSunday, 0, 59)).Should().Be(TimeSpan.Zero);
        UkTime.UtcOffset(Utc(year, 3, marchSunday, 1, 0)).Should().Be(TimeSpan.FromHours(1));
        UkTime.UtcOffset(Utc(year, 10, octoberSunday, 0, 59)).Should().Be(TimeSpan.FromHours(1));
        UkTime.UtcOffset(Utc(year, 10, octoberSunday, 1, 0)).Should().Be(TimeSpan.Zero);
        UkTime.UtcOffset(Utc(year, 1, 15, 12, 0)).Should().Be(TimeSpan.Zero);
        UkTime.UtcOffset(Utc(year, 7, 15, 12, 0)).Should().Be(TimeSpan.FromHours(1));
    }

    [Theory]
    [MemberData(nameof(ClockChanges))]
    public void LocalDate_LateInTheEvening_IsTheNextDayOnlyInSummerTime(int year, int marchSunday, int octoberSunday)
    {
        // 23:00 UTC is midnight in summer time: the next day from the Sunday in March to the day before the Sunday in October.
        UkTime.LocalDate(Utc(year, 3, marchSunday - 1, 23, 0)).Should().Be(new DateOnly(year, 3, marchSunday - 1));
        UkTime.LocalDate(Utc(year, 3, marchSunday, 22, 59)).Should().Be(new DateOnly(year, 3, marchSunday));
        UkTime.LocalDate(Utc(year, 3, marchSunday, 23, 0)).Should().Be(new DateOnly(year, 3, marchSunday).AddDays(1));
        UkTime.LocalDate(Utc(year, 10, octoberSunday - 1, 23, 0)).Should().Be(new DateOnly(year, 10, octoberSunday));
        UkTime.LocalDate(Utc(year, 10, octoberSunday, 0, 59)).Should().Be(new DateOnly(year, 10, octoberSunday));
        UkTime.LocalDate(Utc(year, 10, octoberSunday, 23, 0)).Should().Be(new DateOnly(year, 10, octoberSunday));
    }

    [Theory]
    [MemberData(nameof(ClockChanges))]
    public void StartOfDay_AroundTheClockChanges_IsMidnightUkTimeAsUtc(int year, int marchSunday, int octoberSunday)
    {
        var march = new DateOnly(year, 3, marchSunday);
        var october = new DateOnly(year, 10, octoberSunday);

        UkTime.StartOfDay(march).Should().Be(Utc(year, 3, marchSunday, 0, 0));
        UkTime.StartOfDay(march.AddDays(1)).Should().Be(Utc(year, 3, marchSunday, 23, 0));
        UkTime.StartOfDay(october).Should().Be(Utc(year, 10, octoberSunday - 1, 23, 0));
        UkTime.StartOfDay(october.AddDays(1)).Should().Be(new DateTimeOffset(october.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        UkTime.StartOfDay(march).Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void StartOfDay_EveryDayOfSeveralYears_IsTheFirstInstantOfThatLocalDate()
    {
        for (var date = new DateOnly(2017, 1, 1); date < new DateOnly(2026, 1, 1); date = date.AddDays(1))
        {
            var start = UkTime.StartOfDay(date);
            UkTime.LocalDate(start).Should().Be(date);
            UkTime.LocalDate(start.AddMinutes(-1)).Should().Be(date.AddDays(-1));
        }
    }

    [Fact]
    public void LocalDate_AtTheEndsOfTheCalendar_DoesNotOverflow()
    {
        UkTime.LocalDate(DateTimeOffset.MaxValue).Should().Be(DateOnly.MaxValue);
        UkTime.LocalDate(DateTimeOffset.MinValue).Should().Be(DateOnly.MinValue);
        UkTime.StartOfDay(DateOnly.MinValue).Should().Be(DateTimeOffset.MinValue);
    }

    [Fact]
    public void Today_InSummerTimeJustBeforeMidnightUtc_IsTheNextUkDate()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Utc(2018, 4, 30, 23, 30));

        UkTime.Today(time).Should().Be(new DateOnly(2018, 5, 1));
    }
}
