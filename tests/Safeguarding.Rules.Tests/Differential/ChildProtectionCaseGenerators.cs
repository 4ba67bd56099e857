using CsCheck;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.TestSupport.Oracle;

namespace Safeguarding.Rules.Tests.Differential;

/// <summary>
/// CsCheck generators of small valid caseloads with the three child-protection arrays (contract section 6), built to land on
/// its boundaries: as-of dates on and around the clock changes, instants placed around T, the start and end of D in UK time,
/// UTC midnight and the changes themselves (so on both sides of midnight UK time), waits and durations at each threshold and a
/// minute either side, seconds and fractions of a second, offsets other than the UK's (-05:00, +05:30, ...), non-working days in
/// the policy, <c>extractedAt</c> present or absent, and the caller's as-of date given or not.
/// </summary>
internal static class ChildProtectionCaseGenerators
{
    private const long Minute = TimeSpan.TicksPerMinute;

    // Ids chosen so that ordinal order differs from numeric and case-insensitive order; some need escaping in finding ids.
    private static readonly string[] DiscussionIds = ["SD-2", "SD-10", "sd-1", "SD:1", "SD%1", "SD-1"];
    private static readonly string[] DetentionIds = ["CUS-9", "CUS-10", "cus-1", "CUS:1", "CUS-1", "CUS-A", "CUS-b"];
    private static readonly string[] ProtectionIds = ["PP-3", "PP-20", "pp-1", "PP:1", "PP-1"];
    private static readonly string[] FreeTeamIds = ["T-2", "T-10", "t-1", "T:9"];
    private static readonly string[] SuiteIds = ["CS-1", "CS-2"];
    private static readonly TimeSpan[] OtherOffsets = [TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.FromHours(-5), new(5, 30, 0), TimeSpan.FromHours(14), TimeSpan.FromHours(-12)];

    /// <summary>As-of dates: on or a day or two either side of the last Sundays of March and October (2017-2019), or any day in 2017-2018.</summary>
    public static Gen<DateOnly> AsOfDates { get; } = Gen.Frequency(
        (2, Gen.Select(Gen.Int[2017, 2019], Gen.OneOfConst(3, 10), Gen.Int[-2, 2], static (year, month, shift) => LastSunday(year, month).AddDays(shift))),
        (1, Gen.Int[0, 730].Select(static day => new DateOnly(2017, 1, 1).AddDays(day))));

    /// <summary>A whole case: a v1 caseload with the three arrays, D and T chosen one of four ways, and a child-protection policy.</summary>
    public static Gen<ChildProtectionCase> Case { get; } =
        from v1 in CaseGenerators.CaseAt(AsOfDates)
        from childPolicy in Policy(v1.AsOf)
        from mode in Gen.Int[0, 3]
        from extractedDayShift in Gen.Int[-1, 1]
        from extractedPick in Gen.Int[0, 7]
        from extractedRaw in Gen.Long[0, long.MaxValue / 4]
        from extractedOffset in Gen.Int[0, 9]
        from showAsOf in Gen.Bool
        let d = v1.AsOf
        let extractedDay = mode == 1 ? d.AddDays(extractedDayShift) : d
        let extractedAt = mode is 1 or 2 ? Present(InstantWithin(extractedDay, extractedPick, extractedRaw), extractedOffset) : (DateTimeOffset?)null
        let t = mode == 2 ? extractedAt!.Value.ToUniversalTime() : ReferenceEvaluator.EndOfUkDay(d)
        let anchors = Anchors(d, t)
        from discussions in Discussion(childPolicy).Array[0, 5]
        from detentions in Detention(childPolicy, anchors).Array[0, 6]
        from protections in Protection(childPolicy, anchors).Array[0, 4]
        select Build(v1, childPolicy, mode, extractedAt, extractedDay, showAsOf, discussions, detentions, protections);

    private static Gen<ChildProtectionPolicy> Policy(DateOnly asOf) => Gen.Frequency(
        (1, Gen.Const(() => new ChildProtectionPolicy())),
        (4,
            from workingDays in Gen.Int[1, 4]
            from alert in Gen.Frequency((1, Gen.Const(120)), (2, Gen.Int[1, 240]))
            from above in Gen.Frequency((1, Gen.Const(0)), (2, Gen.Int[0, 240]))
            from maxHours in Gen.Frequency((1, Gen.Const(72)), (2, Gen.Int[1, 72]))
            from inform in Gen.Frequency((1, Gen.Const(240)), (2, Gen.Int[1, 300]))
            from nonWorking in Gen.Int[-16, 6].Array[0, 5]
            select new ChildProtectionPolicy
            {
                StrategyOutcomeWorkingDays = workingDays,
                AppropriateAdultAlertMinutes = alert,
                AppropriateAdultInspectorMinutes = alert + above,
                PoliceProtectionMaxHours = maxHours,
                LocalAuthorityInformMinutes = inform,
                NonWorkingDays = nonWorking.Distinct().Select(asOf.AddDays).ToList(),
            }));

    /// <summary>Instants to place records around: T, the start and end of D in UK time, UTC midnight either side of D, and the year's two clock changes.</summary>
    private static long[] Anchors(DateOnly d, DateTimeOffset t) =>
    [
        t.UtcTicks,
        t.UtcTicks,
        ReferenceEvaluator.EndOfUkDay(d.AddDays(-1)).UtcTicks,
        ReferenceEvaluator.EndOfUkDay(d).UtcTicks,
        d.ToDateTime(TimeOnly.MinValue).Ticks,
        d.AddDays(1).ToDateTime(TimeOnly.MinValue).Ticks,
        LastSunday(d.Year, 3).ToDateTime(new TimeOnly(1, 0)).Ticks,
        LastSunday(d.Year, 10).ToDateTime(new TimeOnly(1, 0)).Ticks,
    ];

    /// <summary>An instant within the UK day <paramref name="day"/>: its first or last tick or minute, around 01:00 UTC, or anywhere.</summary>
    private static long InstantWithin(DateOnly day, int pick, long raw)
    {
        var start = ReferenceEvaluator.EndOfUkDay(day.AddDays(-1)).UtcTicks;
        var length = ReferenceEvaluator.EndOfUkDay(day).UtcTicks - start;
        var oneAmUtc = day.ToDateTime(new TimeOnly(1, 0)).Ticks - start;
        var at = pick switch
        {
            0 => 0,
            1 => length - 1,
            2 => length - Minute,
            3 => oneAmUtc,
            4 => oneAmUtc - 1,
            _ => raw % length,
        };
        return start + Math.Clamp(at, 0, length - 1);
    }

    private static Gen<(int Held, int? Outcome, int Team, (ActionOwner Owner, int Due, int? Completed)[] Actions)> Discussion(ChildProtectionPolicy policy) =>
        from held in Gen.Frequency((4, Gen.Int[-12, 0]), (1, Gen.Int[1, 3]), (1, Gen.Int[-60, -13]))
        from outcome in Gen.Frequency((2, Gen.Const((int?)null)), (4, Gen.Int[0, 8].Select(static x => (int?)x)), (1, Gen.Int[policy.StrategyOutcomeWorkingDays, policy.StrategyOutcomeWorkingDays + 4].Select(static x => (int?)x)))
        from team in Gen.Int[-1, 3]
        from actions in Action().Array[0, 3]
        select (held, outcome, team, actions);

    private static Gen<(ActionOwner Owner, int Due, int? Completed)> Action() =>
        from owner in Gen.FrequencyConst((3, ActionOwner.Police), (1, ActionOwner.SocialCare), (1, ActionOwner.Health), (1, ActionOwner.Education), (1, ActionOwner.Other))
        from due in Gen.Frequency((3, Gen.Int[-3, 2]), (1, Gen.Int[-40, 10]))
        from completed in Gen.Frequency((2, Gen.Const((int?)null)), (3, Gen.Int[-3, 3].Select(static x => (int?)x)))
        select (owner, due, completed);

    private static Gen<long> Jitter { get; } = Gen.Frequency(
        (6, Gen.Const(0L)),
        (1, Gen.Int[1, 59].Select(static s => s * TimeSpan.TicksPerSecond)),
        (1, Gen.Long[1, Minute - 1]),
        (1, Gen.Const(-1L)),
        (1, Gen.Const(1L)));

    private static Gen<long> NonNegativeJitter { get; } = Gen.Frequency(
        (6, Gen.Const(0L)),
        (1, Gen.Int[1, 59].Select(static s => s * TimeSpan.TicksPerSecond)),
        (1, Gen.Long[1, Minute - 1]),
        (1, Gen.Const(Minute - 1)));

    /// <summary>Minutes after a start: a threshold or a minute either side of one, or anything up to <paramref name="most"/>.</summary>
    private static Gen<long?> After(int most, bool sometimesNever, params int[] thresholds)
    {
        var atThreshold = Gen.Select(Gen.OneOfConst(thresholds), Gen.Int[-1, 1], NonNegativeJitter, static (x, j, k) => (long?)((Math.Max(0, x + j) * Minute) + k));
        var anywhere = Gen.Select(Gen.Int[0, most], NonNegativeJitter, static (x, k) => (long?)((x * Minute) + k));
        return sometimesNever
            ? Gen.Frequency((2, Gen.Const((long?)null)), (3, atThreshold), (2, anywhere))
            : Gen.Frequency((3, atThreshold), (2, anywhere));
    }

    private static Gen<(int Anchor, long At, bool Juvenile, int Suite, long? Arrival, long? Release, (long After, bool Present, bool Urgent, int Offset)[] Interviews, int[] Offsets)> Detention(ChildProtectionPolicy policy, long[] anchors) =>
        from anchor in Gen.Int[0, anchors.Length - 1]
        from back in Gen.Frequency(
            (3, Gen.Select(Gen.OneOfConst(policy.AppropriateAdultAlertMinutes, policy.AppropriateAdultInspectorMinutes, 0), Gen.Int[-1, 1], static (x, j) => x + j)),
            (2, Gen.Int[-90, 1500]))
        from jitter in Jitter
        from juvenile in Gen.FrequencyConst((4, true), (1, false))
        from suite in Gen.Int[0, 1]
        from arrival in After(600, true, policy.AppropriateAdultAlertMinutes, policy.AppropriateAdultInspectorMinutes)
        from release in After(900, true, policy.AppropriateAdultAlertMinutes, policy.AppropriateAdultInspectorMinutes, 60)
        from interviews in Gen.Select(After(900, false, 0, 60, 120), Gen.Frequency((1, Gen.Bool), (3, Gen.Const(false))), Gen.FrequencyConst((3, false), (1, true)), Gen.Int[0, 9], static (a, p, u, o) => (a!.Value, p, u, o)).Array[0, 3]
        from offsets in Gen.Int[0, 9].Array[3]
        select (anchor, anchors[anchor] - (back * Minute) + jitter, juvenile, suite, arrival, release, interviews, offsets);

    private static Gen<(int Anchor, long At, int Team, long? Informed, long? Ended, int[] Offsets)> Protection(ChildProtectionPolicy policy, long[] anchors) =>
        from anchor in Gen.Int[0, anchors.Length - 1]
        from back in Gen.Frequency(
            (3, Gen.Select(Gen.OneOfConst(policy.PoliceProtectionMaxHours * 60, policy.LocalAuthorityInformMinutes, 0), Gen.Int[-1, 1], static (x, j) => x + j)),
            (2, Gen.Int[-90, 6000]))
        from jitter in Jitter
        from team in Gen.Int[-1, 3]
        from informed in After(600, true, policy.LocalAuthorityInformMinutes)
        from ended in After(6000, true, policy.PoliceProtectionMaxHours * 60)
        from offsets in Gen.Int[0, 9].Array[3]
        select (anchor, anchors[anchor] - (back * Minute) + jitter, team, informed, ended, offsets);

    private static ChildProtectionCase Build(
        DifferentialCase v1,
        ChildProtectionPolicy childPolicy,
        int mode,
        DateTimeOffset? extractedAt,
        DateOnly extractedDay,
        bool showAsOf,
        (int Held, int? Outcome, int Team, (ActionOwner Owner, int Due, int? Completed)[] Actions)[] discussions,
        (int Anchor, long At, bool Juvenile, int Suite, long? Arrival, long? Release, (long After, bool Present, bool Urgent, int Offset)[] Interviews, int[] Offsets)[] detentions,
        (int Anchor, long At, int Team, long? Informed, long? Ended, int[] Offsets)[] protections)
    {
        var d = v1.AsOf;
        var source = v1.Snapshot;
        string? Team(int slot) =>
            slot < 0 ? null
            : source.Teams is { } teams ? (teams.Count == 0 ? null : teams[slot % teams.Count].Id)
            : FreeTeamIds[slot];

        var strategyDiscussions = discussions.Take(DiscussionIds.Length).Select((s, i) => new StrategyDiscussion
        {
            Id = DiscussionIds[i],
            TeamId = Team(s.Team),
            HeldOn = d.AddDays(s.Held),
            OutcomeRecordedOn = s.Outcome is { } after ? d.AddDays(s.Held + after) : null,
            Actions = s.Actions.Select((a, k) => new StrategyAction
            {
                Id = k == 2 ? "10" : (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Owner = a.Owner,
                DueOn = d.AddDays(a.Due),
                CompletedOn = a.Completed is { } c ? d.AddDays(a.Due + c) : null,
            }).ToList(),
        }).ToList();

        var detentionRecords = detentions.Take(DetentionIds.Length).Select((s, i) =>
        {
            // Interviews of one detention must not start in the same second: keep the first of each second.
            var seconds = new HashSet<long>();
            var interviews = new List<Interview>();
            foreach (var interview in s.Interviews)
            {
                var at = s.At + interview.After;
                if (seconds.Add(at / TimeSpan.TicksPerSecond))
                {
                    interviews.Add(new Interview { StartedAt = Present(at, interview.Offset), AppropriateAdultPresent = interview.Present, UrgentInterviewAuthorised = interview.Urgent });
                }
            }

            return new Detention
            {
                Id = DetentionIds[i],
                CustodySuiteId = SuiteIds[s.Suite],
                Juvenile = s.Juvenile,
                AuthorisedAt = Present(s.At, s.Offsets[0]),
                AppropriateAdultArrivedAt = s.Arrival is { } a ? Present(s.At + a, s.Offsets[1]) : null,
                ReleasedAt = s.Release is { } r ? Present(s.At + r, s.Offsets[2]) : null,
                Interviews = interviews,
            };
        }).ToList();

        var protectionRecords = protections.Take(ProtectionIds.Length).Select((s, i) => new PoliceProtection
        {
            Id = ProtectionIds[i],
            TeamId = Team(s.Team),
            StartedAt = Present(s.At, s.Offsets[0]),
            LocalAuthorityInformedAt = s.Informed is { } informed ? Present(s.At + informed, s.Offsets[1]) : null,
            EndedAt = s.Ended is { } ended ? Present(s.At + ended, s.Offsets[2]) : null,
        }).ToList();

        DateOnly? snapshotAsOf = mode switch
        {
            0 => source.AsOf,
            1 => showAsOf ? extractedDay : null,
            2 => showAsOf ? d : null,
            _ => d,
        };
        var snapshot = new CaseloadSnapshot
        {
            SchemaVersion = source.SchemaVersion,
            AsOf = snapshotAsOf,
            ExtractedAt = extractedAt,
            Teams = source.Teams,
            Managers = source.Managers,
            Offenders = source.Offenders,
            Visits = source.Visits,
            Briefings = source.Briefings,
            StrategyDiscussions = strategyDiscussions,
            Detentions = detentionRecords,
            PoliceProtections = protectionRecords,
        };
        v1.Policy.ChildProtection = childPolicy;
        return new ChildProtectionCase(snapshot, mode <= 1 ? d : null, v1.Policy, d);
    }

    /// <summary>The UTC instant written with the UK offset in force then (most often) or another offset.</summary>
    private static DateTimeOffset Present(long utcTicks, int choice)
    {
        var utc = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return choice < 4 ? utc.ToOffset(ReferenceEvaluator.UkOffset(utc)) : utc.ToOffset(OtherOffsets[choice - 4]);
    }

    private static DateOnly LastSunday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
