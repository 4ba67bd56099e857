using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Synthetic;

/// <summary>
/// Child-protection records (contract section 6): strategy discussions with their joint actions, detentions with their
/// interviews, police protections. Drawn from a random stream of their own, after every other record, so the v1 records are
/// the same whatever these options are. Dates are day numbers and times whole ticks, so the result depends on the options alone.
/// </summary>
/// <remarks>
/// The as-of instant of a generated snapshot is the end of its as-of date in UK time (it has no <c>extractedAt</c>). Records
/// reach back 90 days (discussions, detentions) or 120 days (protections), so every default snapshot crosses a clock change
/// somewhere in the year; a few records start after the as-of instant on purpose. Instants carry the UK offset in force at
/// the time, and about 2% another offset (-05:00, -03:30, +02:00, +05:30), as records from other systems do.
/// </remarks>
internal sealed partial class CaseloadGenerator
{
    /// <summary>Mixed into the seed for the child-protection stream ("childpro"), so it is independent of the main one and the overrides'.</summary>
    private const ulong ChildProtectionStream = 0x6368_696C_6470_726F;

    private const long TicksPerMinute = TimeSpan.TicksPerMinute;

    private static readonly TimeSpan[] OtherOffsets = [TimeSpan.FromHours(-5), new(-3, -30, 0), TimeSpan.FromHours(2), new(5, 30, 0)];

    private static readonly ActionOwner[] Owners = [ActionOwner.Police, ActionOwner.SocialCare, ActionOwner.Health, ActionOwner.Education, ActionOwner.Other];

    /// <summary>Per mille of each owner, in <see cref="Owners"/> order: the police own almost half of the joint actions.</summary>
    private static readonly int[] OwnerShares = [450, 300, 100, 100, 50];

    private (List<StrategyDiscussion> Discussions, List<Detention> Detentions, List<PoliceProtection> Protections) GenerateChildProtection(IReadOnlyList<Team> teams)
    {
        var random = new DeterministicRandom(_options.Seed ^ ChildProtectionStream);
        var end = EndOfDayUtc(_options.AsOf);
        var discussions = GenerateDiscussions(random, teams, RecordCount(_options.StrategyDiscussionsPerThousandOffenders));
        var detentions = GenerateDetentions(random, end, RecordCount(_options.DetentionsPerThousandOffenders));
        var protections = GenerateProtections(random, teams, end, RecordCount(_options.PoliceProtectionsPerThousandOffenders));
        return (discussions, detentions, protections);
    }

    private int RecordCount(int perThousandOffenders) => (int)((long)_options.Offenders * perThousandOffenders / 1000);

    private static string? DrawTeam(DeterministicRandom random, IReadOnlyList<Team> teams) =>
        teams.Count > 0 && !random.Chance(30) ? teams[random.Next(teams.Count)].Id : null;

    /// <summary>Discussions held in the 90 days to the as-of date (1% after it), mostly on weekdays, in the order they were held.</summary>
    private List<StrategyDiscussion> GenerateDiscussions(DeterministicRandom random, IReadOnlyList<Team> teams, int count)
    {
        var held = new int[count];
        for (var k = 0; k < count; k++)
        {
            var day = random.Chance(10) ? _asOf + random.Next(1, 15) : _asOf - random.Next(0, 90);
            var weekday = DateOnly.FromDayNumber(day).DayOfWeek;
            if (weekday is DayOfWeek.Saturday or DayOfWeek.Sunday && random.Chance(800))
            {
                day -= weekday == DayOfWeek.Saturday ? 1 : 2; // Moved to the Friday before: most are held on working days.
            }

            held[k] = day;
        }

        Array.Sort(held);
        var discussions = new List<StrategyDiscussion>(count);
        for (var k = 0; k < count; k++)
        {
            var heldOn = held[k];
            var due = NextWeekday(heldOn);
            var outcome = random.Next(1000);
            int? recorded = outcome < 820 ? heldOn + random.Next(0, due - heldOn + 1)
                : outcome < 940 ? due + random.Next(1, 15)
                : null;

            var actionCount = 1 + random.Next(4);
            var actions = new List<StrategyAction>(actionCount);
            for (var a = 0; a < actionCount; a++)
            {
                var dueOn = heldOn + random.Next(2, 29);
                var done = random.Next(1000);
                int? completed = done < 780 ? dueOn - random.Next(0, Math.Min(dueOn - heldOn, 10) + 1)
                    : done < 880 ? dueOn + random.Next(1, 22)
                    : null;
                actions.Add(new StrategyAction
                {
                    Id = (a + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Owner = DrawOwner(random),
                    DueOn = DateOnly.FromDayNumber(dueOn),
                    CompletedOn = ToDate(completed),
                });
            }

            discussions.Add(new StrategyDiscussion
            {
                Id = SyntheticIds.Format("SD-", k + 1, 6),
                TeamId = DrawTeam(random, teams),
                HeldOn = DateOnly.FromDayNumber(heldOn),
                OutcomeRecordedOn = ToDate(recorded),
                Actions = actions,
            });
        }

        return discussions;
    }

    private static ActionOwner DrawOwner(DeterministicRandom random)
    {
        var r = random.Next(1000);
        for (var o = 0; o < Owners.Length - 1; o++)
        {
            if (r < OwnerShares[o])
            {
                return Owners[o];
            }

            r -= OwnerShares[o];
        }

        return Owners[^1];
    }

    /// <summary>The first weekday strictly after <paramref name="day"/>: when an outcome is due under the default policy.</summary>
    private static int NextWeekday(int day)
    {
        var next = day + 1;
        while (DateOnly.FromDayNumber(next).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            next++;
        }

        return next;
    }

    /// <summary>
    /// Detentions authorised in the 90 days to the end of the as-of date (0.5% after it), in the order they were authorised.
    /// Custody lasts 2-12 hours mostly, up to 36; juveniles mostly see an appropriate adult within two hours.
    /// </summary>
    private List<Detention> GenerateDetentions(DeterministicRandom random, long end, int count)
    {
        var authorised = new long[count];
        var waiting = new bool[count];
        for (var k = 0; k < count; k++)
        {
            authorised[k] = random.Chance(5)
                ? end + (random.Next(1, 3 * 1440) * TicksPerMinute)
                : end - (random.Next(1, 90 * 1440) * TicksPerMinute) + DrawSeconds(random);
        }

        // A juvenile detained on the evening of the as-of date and still waiting at its end: what the table shows first.
        if (count >= 50 && _options.JuvenileDetentionsPerThousand > 0)
        {
            authorised[0] = end - (random.Next(150, 301) * TicksPerMinute);
            waiting[0] = true;
        }

        Array.Sort(authorised, waiting);
        var suites = Math.Clamp((count / 400) + 1, 1, 30);
        var detentions = new List<Detention>(count);
        for (var k = 0; k < count; k++)
        {
            var at = authorised[k];
            var juvenile = waiting[k] || random.Chance(_options.JuvenileDetentionsPerThousand);
            var suite = SyntheticIds.Format("CS-", random.Next(suites) + 1, 2);
            var custody = random.Next(1000);
            var minutes = custody < 700 ? random.Next(120, 12 * 60) : custody < 950 ? random.Next(12 * 60, 24 * 60) : random.Next(24 * 60, 36 * 60);
            long? released = waiting[k] ? null : At(at, minutes, end);

            long? arrived = null;
            if (juvenile && !waiting[k])
            {
                var wait = random.Next(1000);
                int? arrival = wait < 800 ? random.Next(10, 121) : wait < 920 ? random.Next(121, 241) : wait < 970 ? random.Next(241, 601) : null;
                arrived = arrival is { } m && m < minutes ? At(at, m, end) : null;
            }
            else if (!juvenile && random.Chance(50))
            {
                // A vulnerable adult also needs an appropriate adult.
                var m = random.Next(30, 300);
                arrived = m < minutes ? At(at, m, end) : null;
            }

            var interviews = waiting[k] ? new List<Interview>() : DrawInterviews(random, at, arrived, released ?? end, juvenile);
            detentions.Add(new Detention
            {
                Id = SyntheticIds.Format("CUS-", k + 1, 6),
                CustodySuiteId = suite,
                Juvenile = juvenile,
                AuthorisedAt = Instant(random, at),
                AppropriateAdultArrivedAt = Instant(random, arrived),
                ReleasedAt = Instant(random, released),
                Interviews = interviews,
            });
        }

        return detentions;
    }

    /// <summary>0-2 interviews between the authorisation and the release (or the as-of instant), at least 30 minutes apart.</summary>
    private static List<Interview> DrawInterviews(DeterministicRandom random, long authorised, long? arrived, long until, bool juvenile)
    {
        var r = random.Next(1000);
        var count = r < 350 ? 0 : r < 850 ? 1 : 2;
        var interviews = new List<Interview>(count);
        var start = authorised + (random.Next(45, 240) * TicksPerMinute);
        if (arrived is { } adult && start < adult && !random.Chance(juvenile ? 40 : 500))
        {
            start = adult + (random.Next(10, 60) * TicksPerMinute); // Most interviews wait for the adult.
        }

        for (var i = 0; i < count && start <= until; i++)
        {
            var present = arrived is { } a && a <= start;
            interviews.Add(new Interview
            {
                StartedAt = Instant(random, start),
                AppropriateAdultPresent = present,
                UrgentInterviewAuthorised = !present && juvenile && random.Chance(400),
            });
            start += random.Next(30, 240) * TicksPerMinute;
        }

        return interviews;
    }

    /// <summary>Protections started in the 120 days to the end of the as-of date (1% after it), in the order they started.</summary>
    private static List<PoliceProtection> GenerateProtections(DeterministicRandom random, IReadOnlyList<Team> teams, long end, int count)
    {
        var started = new long[count];
        var running = new bool[count];
        for (var k = 0; k < count; k++)
        {
            started[k] = random.Chance(10)
                ? end + (random.Next(1, 3 * 1440) * TicksPerMinute)
                : end - (random.Next(1, 120 * 1440) * TicksPerMinute) + DrawSeconds(random);
        }

        // A protection still running past 72 hours at the end of the as-of date.
        if (count >= 5)
        {
            started[0] = end - (random.Next((72 * 60) + 1, 80 * 60) * TicksPerMinute);
            running[0] = true;
        }

        Array.Sort(started, running);
        var protections = new List<PoliceProtection>(count);
        for (var k = 0; k < count; k++)
        {
            var at = started[k];
            var length = random.Next(1000);
            var minutes = length < 600 ? random.Next(2 * 60, 24 * 60)
                : length < 900 ? random.Next(24 * 60, 48 * 60)
                : length < 960 ? random.Next(48 * 60, (72 * 60) + 1)
                : random.Next((72 * 60) + 1, 96 * 60);
            var inform = random.Next(1000);
            int? informed = inform < 850 ? random.Next(10, 181) : inform < 930 ? random.Next(181, 241) : inform < 980 ? random.Next(241, 721) : null;
            if (running[k])
            {
                informed = random.Next(30, 121);
            }

            protections.Add(new PoliceProtection
            {
                Id = SyntheticIds.Format("PP-", k + 1, 5),
                TeamId = DrawTeam(random, teams),
                StartedAt = Instant(random, at),
                LocalAuthorityInformedAt = Instant(random, informed is { } m ? At(at, m, end) : null),
                EndedAt = Instant(random, running[k] ? null : At(at, minutes, end)),
            });
        }

        return protections;
    }

    /// <summary>Seconds for 10% of instants, and a fraction of a second for a few of those; whole minutes otherwise.</summary>
    private static long DrawSeconds(DeterministicRandom random)
    {
        if (!random.Chance(100))
        {
            return 0;
        }

        var ticks = random.Next(1, 60) * TimeSpan.TicksPerSecond;
        return random.Chance(300) ? ticks + (random.Next(1, 1000) * TimeSpan.TicksPerMillisecond) : ticks;
    }

    /// <summary><paramref name="minutes"/> after <paramref name="start"/>, or absent when that is after <paramref name="end"/> (not yet known when extracted).</summary>
    private static long? At(long start, int minutes, long end)
    {
        var at = start + (minutes * TicksPerMinute);
        return at <= end ? at : null;
    }

    private static DateTimeOffset? Instant(DeterministicRandom random, long? utcTicks) => utcTicks is { } ticks ? Instant(random, ticks) : null;

    /// <summary>The instant with the UK offset in force then, or for 2% another one.</summary>
    private static DateTimeOffset Instant(DeterministicRandom random, long utcTicks)
    {
        var utc = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        var offset = random.Chance(20) ? OtherOffsets[random.Next(OtherOffsets.Length)] : UkOffset(utcTicks);
        return utc.ToOffset(offset);
    }

    /// <summary>The end of <paramref name="date"/> in UK local time (00:00 the day after) as UTC ticks.</summary>
    private static long EndOfDayUtc(DateOnly date)
    {
        var midnight = date.AddDays(1).ToDateTime(TimeOnly.MinValue).Ticks;
        var summerCandidate = midnight - TimeSpan.TicksPerHour;
        return UkOffset(summerCandidate) == TimeSpan.Zero ? midnight : summerCandidate;
    }

    /// <summary>UK local time's offset at a UTC instant: one hour from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.</summary>
    private static TimeSpan UkOffset(long utcTicks)
    {
        var year = new DateTime(utcTicks, DateTimeKind.Utc).Year;
        var starts = LastSunday(year, 3).ToDateTime(new TimeOnly(1, 0)).Ticks;
        var ends = LastSunday(year, 10).ToDateTime(new TimeOnly(1, 0)).Ticks;
        return utcTicks >= starts && utcTicks < ends ? TimeSpan.FromHours(1) : TimeSpan.Zero;
    }

    private static DateOnly LastSunday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
