using System.Globalization;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.TestSupport.Oracle;

/// <summary>
/// Contract section 6 read literally, with its own UK clock, working days and minute arithmetic (nothing from the library's
/// child-protection code): the six findings and the two outcome measures of a valid snapshot.
/// </summary>
public static partial class ReferenceEvaluator
{
    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);

    /// <summary>
    /// The as-of date D and the as-of instant T of contract section 6: D is the caller's date, else the snapshot's <c>asOf</c>, else
    /// the UK local date of its <c>extractedAt</c>; T is <c>extractedAt</c> when the caller gave no date, else the end of D in UK time.
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="callerDate">The caller's as-of date, when given.</param>
    /// <returns>D and T (T with a zero offset).</returns>
    /// <exception cref="ArgumentException">Neither the caller nor the snapshot gives a date (the oracle does not read the clock).</exception>
    public static (DateOnly AsOf, DateTimeOffset AsOfInstant) AsOfFor(CaseloadSnapshot snapshot, DateOnly? callerDate)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var asOf = callerDate ?? snapshot.AsOf ?? (snapshot.ExtractedAt is { } extracted ? UkLocalDate(extracted) : throw new ArgumentException("No as-of date: the oracle needs one from the caller or the snapshot.", nameof(snapshot)));
        var instant = callerDate is null && snapshot.ExtractedAt is { } at ? at.ToUniversalTime() : EndOfUkDay(asOf);
        return (asOf, instant);
    }

    /// <summary>00:00 UK local time on the day after <paramref name="date"/>, as UTC; for the calendar's last day, the last instant there is.</summary>
    /// <param name="date">The date D.</param>
    /// <returns>The end of D.</returns>
    public static DateTimeOffset EndOfUkDay(DateOnly date)
    {
        if (date == DateOnly.MaxValue)
        {
            return DateTimeOffset.MaxValue;
        }

        // Midnight local is UTC midnight minus the offset in force then; the clocks change at 01:00 UTC, never near midnight.
        var next = date.AddDays(1);
        var utcMidnight = new DateTimeOffset(next.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var summerMidnight = utcMidnight - OneHour;
        return InBritishSummerTime(summerMidnight) ? summerMidnight : utcMidnight;
    }

    /// <summary>The UK local date of an instant (UTC, or UTC+1 in British Summer Time).</summary>
    /// <param name="instant">Any instant.</param>
    /// <returns>Its date on a UK clock.</returns>
    public static DateOnly UkLocalDate(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return DateOnly.FromDateTime(InBritishSummerTime(instant) ? utc + OneHour : utc);
    }

    /// <summary>UK local time's offset from UTC at an instant: one hour in British Summer Time, else zero.</summary>
    /// <param name="instant">Any instant.</param>
    /// <returns>Zero or one hour.</returns>
    public static TimeSpan UkOffset(DateTimeOffset instant) => InBritishSummerTime(instant) ? OneHour : TimeSpan.Zero;

    /// <summary>From 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October, every year.</summary>
    private static bool InBritishSummerTime(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var starts = LastSundayOf(utc.Year, 3).AddHours(1);
        var ends = LastSundayOf(utc.Year, 10).AddHours(1);
        return utc >= starts && utc < ends;
    }

    private static DateTime LastSundayOf(int year, int month)
    {
        var day = new DateTime(year, month, DateTime.DaysInMonth(year, month), 0, 0, 0, DateTimeKind.Utc);
        while (day.DayOfWeek != DayOfWeek.Sunday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>The <paramref name="n"/>th day strictly after <paramref name="from"/> that is a Monday-Friday not in <paramref name="nonWorkingDays"/>; null past the calendar's end.</summary>
    private static DateOnly? WorkingDaysAfter(DateOnly from, int n, HashSet<DateOnly> nonWorkingDays)
    {
        var day = from;
        var found = 0;
        while (found < n)
        {
            if (day == DateOnly.MaxValue)
            {
                return null;
            }

            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !nonWorkingDays.Contains(day))
            {
                found++;
            }
        }

        return day;
    }

    /// <summary>Whole minutes elapsed from <paramref name="from"/> to <paramref name="to"/> (floor, as absolute instants).</summary>
    private static long MinutesBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var ticks = to.UtcTicks - from.UtcTicks;
        var minutes = ticks / TimeSpan.TicksPerMinute;
        return ticks < 0 && ticks % TimeSpan.TicksPerMinute != 0 ? minutes - 1 : minutes;
    }

    private static DateTimeOffset? ByT(DateTimeOffset? instant, DateTimeOffset asOfInstant) => instant is { } i && i <= asOfInstant ? i : null;

    /// <summary>The six child-protection findings (unsorted) and the two outcome measures.</summary>
    private static ChildProtectionResult EvaluateChildProtection(CaseloadSnapshot snapshot, DateOnly asOf, DateTimeOffset asOfInstant, ChildProtectionPolicy policy)
    {
        var findings = new List<Finding>();
        var nonWorking = new HashSet<DateOnly>(policy.NonWorkingDays);
        var population = 0;
        var onTime = 0;
        foreach (var discussion in snapshot.StrategyDiscussions)
        {
            if (discussion.HeldOn > asOf)
            {
                continue; // Not yet held: no findings, no counts.
            }

            var recorded = discussion.OutcomeRecordedOn is { } r && r <= asOf ? r : (DateOnly?)null;
            var due = WorkingDaysAfter(discussion.HeldOn, policy.StrategyOutcomeWorkingDays, nonWorking);
            if (due is { } dueOn && dueOn < asOf)
            {
                population++;
                if (recorded is { } on && on <= dueOn)
                {
                    onTime++;
                }

                if (recorded is null)
                {
                    findings.Add(new Finding
                    {
                        Kind = "StrategyOutcomeNotRecorded",
                        Rule = Placeholder,
                        Reason = Placeholder,
                        DiscussionId = discussion.Id,
                        TeamId = discussion.TeamId,
                        HeldOn = discussion.HeldOn,
                        DueOn = dueOn,
                        DaysOverdue = asOf.DayNumber - dueOn.DayNumber,
                    });
                }
            }

            foreach (var action in discussion.Actions)
            {
                var completed = action.CompletedOn is { } c && c <= asOf;
                if (action.Owner == ActionOwner.Police && !completed && asOf > action.DueOn)
                {
                    findings.Add(new Finding
                    {
                        Kind = "StrategyActionOverdue",
                        Rule = Placeholder,
                        Reason = Placeholder,
                        DiscussionId = discussion.Id,
                        ActionId = action.Id,
                        TeamId = discussion.TeamId,
                        DueOn = action.DueOn,
                        DaysOverdue = asOf.DayNumber - action.DueOn.DayNumber,
                    });
                }
            }
        }

        var waits = new List<int>();
        foreach (var detention in snapshot.Detentions)
        {
            if (!detention.Juvenile || detention.AuthorisedAt > asOfInstant)
            {
                continue;
            }

            var arrived = ByT(detention.AppropriateAdultArrivedAt, asOfInstant);
            var released = ByT(detention.ReleasedAt, asOfInstant);
            var end = asOfInstant;
            if (arrived is { } a && a < end)
            {
                end = a;
            }

            if (released is { } rel && rel < end)
            {
                end = rel;
            }

            var waited = (int)MinutesBetween(detention.AuthorisedAt, end);
            if (arrived is { } arrival && (released is null || arrival <= released))
            {
                waits.Add(waited);
            }

            if (waited > policy.AppropriateAdultAlertMinutes)
            {
                findings.Add(new Finding
                {
                    Kind = "AppropriateAdultDelayed",
                    Rule = Placeholder,
                    Reason = Placeholder,
                    DetentionId = detention.Id,
                    CustodySuiteId = detention.CustodySuiteId,
                    AuthorisedAt = detention.AuthorisedAt,
                    MinutesWaited = waited,
                    Awaiting = arrived is null && released is null,
                    EscalateTo = waited > policy.AppropriateAdultInspectorMinutes ? EscalationLevel.Inspector : EscalationLevel.Supervisor,
                });
            }

            foreach (var interview in detention.Interviews)
            {
                if (interview.StartedAt <= asOfInstant && !interview.AppropriateAdultPresent && !interview.UrgentInterviewAuthorised)
                {
                    findings.Add(new Finding
                    {
                        Kind = "InterviewWithoutAppropriateAdult",
                        Rule = Placeholder,
                        Reason = Placeholder,
                        DetentionId = detention.Id,
                        CustodySuiteId = detention.CustodySuiteId,
                        InterviewStartedAt = interview.StartedAt,
                    });
                }
            }
        }

        foreach (var protection in snapshot.PoliceProtections)
        {
            if (protection.StartedAt > asOfInstant)
            {
                continue;
            }

            var lasted = MinutesBetween(protection.StartedAt, ByT(protection.EndedAt, asOfInstant) ?? asOfInstant);
            if (lasted > policy.PoliceProtectionMaxHours * 60L)
            {
                findings.Add(new Finding
                {
                    Kind = "PoliceProtectionExceeded",
                    Rule = Placeholder,
                    Reason = Placeholder,
                    ProtectionId = protection.Id,
                    TeamId = protection.TeamId,
                    StartedAt = protection.StartedAt,
                    HoursInProtection = (int)(lasted / 60),
                });
            }

            var informed = ByT(protection.LocalAuthorityInformedAt, asOfInstant);
            var toInform = MinutesBetween(protection.StartedAt, informed ?? asOfInstant);
            if (toInform > policy.LocalAuthorityInformMinutes)
            {
                findings.Add(new Finding
                {
                    Kind = "LocalAuthorityNotInformed",
                    Rule = Placeholder,
                    Reason = Placeholder,
                    ProtectionId = protection.Id,
                    TeamId = protection.TeamId,
                    StartedAt = protection.StartedAt,
                    MinutesToInform = (int)toInform,
                    Awaiting = informed is null,
                });
            }
        }

        // 100 x on time / population to one decimal place, halves away from zero, as visitedWithinPolicyPercent.
        decimal? onTimePercent = population == 0 ? null : (((2000L * onTime) + population) / (2L * population)) / 10m;
        return new ChildProtectionResult(findings, onTimePercent, Median(waits), waits.Count == 0 ? null : waits.Max());
    }

    /// <summary>An output instant as section 6 writes it (UTC, whole seconds): how an interview's start appears in a finding id.</summary>
    private static string OutputInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private sealed record ChildProtectionResult(List<Finding> Findings, decimal? StrategyOutcomesOnTimePercent, decimal? MedianWait, int? MaxWait);
}
