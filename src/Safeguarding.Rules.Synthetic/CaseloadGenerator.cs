using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Synthetic;

/// <summary>
/// One generation run. Every random draw comes from one <see cref="DeterministicRandom"/> in a fixed order and all
/// arithmetic is on integers (dates as day numbers), so the result depends on the options alone.
/// </summary>
/// <remarks>
/// Two passes over the offenders: the first decides who is not yet registered, in custody or unallocated, which
/// fixes the community caseload to share out; then the managers' caseloads are drawn and their places shuffled;
/// the second pass builds each offender with their visits and briefings.
/// </remarks>
internal sealed partial class CaseloadGenerator
{
    private const byte NotYetRegisteredFlag = 1;
    private const byte InCustodyFlag = 2;
    private const byte UnallocatedFlag = 4;

    /// <summary>How far back registrations go: 15 years.</summary>
    private const int HistoryDays = 15 * 365;

    /// <summary>Registrations in the last 180 days, in ‰ (a register grows: new registrations keep arriving).</summary>
    private const int RecentRegistrationPerThousand = 40;

    /// <summary>Reactive management needs three years on the register without offending.</summary>
    private const int ReactiveAfterDays = 3 * 365;

    private const int FirstVisitDays = 28;

    private static readonly int[] VeryHighPlanIntervals = [14, 21, 28, 42, 60];
    private static readonly int[] HighPlanIntervals = [42, 60, 120, 182];
    private static readonly int[] MediumPlanIntervals = [91, 120, 273, 365];
    private static readonly int[] LowPlanIntervals = [182, 273, 540, 730];

    private readonly SyntheticCaseloadOptions _options;
    private readonly DeterministicRandom _random;
    private readonly int _asOf;
    private readonly int[] _pendingDays;
    private readonly VisitOutcome[] _pendingOutcomes;
    private int _pendingCount;
    private List<Visit> _visits = [];
    private List<Briefing> _briefings = [];

    public CaseloadGenerator(SyntheticCaseloadOptions options)
    {
        _options = options;
        _random = new DeterministicRandom(options.Seed);
        _asOf = options.AsOf.DayNumber;

        // Up to 2 x VisitsPerOffender + 1 completed visits, each with up to two failed attempts, plus a run of three and a future visit.
        var maxPending = (6 * options.VisitsPerOffender) + 16;
        _pendingDays = new int[maxPending];
        _pendingOutcomes = new VisitOutcome[maxPending];
    }

    public CaseloadSnapshot Generate()
    {
        var count = _options.Offenders;
        var flags = DecideStatuses(count);

        var communityAllocated = 0;
        var anyAllocated = false;
        for (var i = 0; i < count; i++)
        {
            if (flags[i] == 0)
            {
                communityAllocated++;
            }

            anyAllocated |= (flags[i] & UnallocatedFlag) == 0;
        }

        var capacities = DrawCaseloads(communityAllocated, anyAllocated);
        var slots = ShuffledSlots(capacities, communityAllocated);

        var managerCount = capacities.Count;
        var teamCount = (managerCount + _options.ManagersPerTeam - 1) / _options.ManagersPerTeam;
        var teams = new List<Team>(teamCount);
        var teamIds = new string[teamCount];
        for (var t = 0; t < teamCount; t++)
        {
            teamIds[t] = SyntheticIds.Team(t + 1);
            teams.Add(new Team { Id = teamIds[t] });
        }

        var managers = new List<Manager>(managerCount);
        var managerIds = new string[managerCount];
        var critical = new bool[managerCount];
        for (var m = 0; m < managerCount; m++)
        {
            managerIds[m] = SyntheticIds.Manager(m + 1);
            critical[m] = capacities[m] > 75;
            managers.Add(new Manager { Id = managerIds[m], TeamId = teamIds[m / _options.ManagersPerTeam] });
        }

        var neighbourhoodCount = count == 0 ? 0 : Math.Max(1, (count + _options.OffendersPerNeighbourhood - 1) / _options.OffendersPerNeighbourhood);
        var neighbourhoodIds = new string[neighbourhoodCount];
        for (var h = 0; h < neighbourhoodCount; h++)
        {
            neighbourhoodIds[h] = SyntheticIds.Neighbourhood(h + 1);
        }

        var offenders = new List<Offender>(count);
        _visits = new List<Visit>(checked((int)Math.Min(int.MaxValue - 64L, ((long)count * _options.VisitsPerOffender) + (count / 4) + 16)));
        _briefings = new List<Briefing>(count + (count / 4) + 16);
        var nextSlot = 0;
        for (var i = 0; i < count; i++)
        {
            var f = flags[i];
            int manager;
            if ((f & UnallocatedFlag) != 0)
            {
                manager = -1;
            }
            else if (f == 0)
            {
                manager = slots[nextSlot++];
            }
            else
            {
                // In custody or not yet registered: assigned, but outside every caseload.
                manager = _random.Next(managerCount);
            }

            var managerId = manager < 0 ? null : managerIds[manager];
            var criticalManager = manager >= 0 && critical[manager];
            offenders.Add(BuildOffender(i + 1, f, managerId, criticalManager, neighbourhoodIds));
        }

        var (discussions, detentions, protections) = GenerateChildProtection(teams);
        return new CaseloadSnapshot
        {
            SchemaVersion = 1,
            AsOf = _options.AsOf,
            Teams = teams,
            Managers = managers,
            Offenders = offenders,
            Visits = _visits,
            Briefings = _briefings,
            StrategyDiscussions = discussions,
            Detentions = detentions,
            PoliceProtections = protections,
            Overrides = GenerateOverrides(offenders),
        };
    }

    private byte[] DecideStatuses(int count)
    {
        var flags = new byte[count];
        var unallocated = 0;
        var notYetRegistered = 0;
        for (var i = 0; i < count; i++)
        {
            byte f = 0;
            if (_random.Chance(_options.NotYetRegisteredPerThousand))
            {
                f |= NotYetRegisteredFlag;
                notYetRegistered++;
            }

            if (_random.Chance(_options.InCustodyPerThousand))
            {
                f |= InCustodyFlag;
            }

            if (_random.Chance(_options.UnallocatedPerThousand))
            {
                f |= UnallocatedFlag;
                unallocated++;
            }

            flags[i] = f;
        }

        if (count >= 1000 && notYetRegistered == 0 && _options.NotYetRegisteredPerThousand > 0)
        {
            var at = _random.Next(count);
            flags[at] = (byte)((flags[at] | NotYetRegisteredFlag) & ~UnallocatedFlag);
        }

        if (count >= 100 && unallocated == 0 && _options.UnallocatedPerThousand > 0)
        {
            // A registered offender, so that the unallocated finding shows: the first one from a random place.
            var start = _random.Next(count);
            for (var k = 0; k < count; k++)
            {
                var at = (start + k) % count;
                if ((flags[at] & NotYetRegisteredFlag) == 0)
                {
                    flags[at] |= UnallocatedFlag;
                    break;
                }
            }
        }

        return flags;
    }

    /// <summary>Draws each manager's community caseload until the community offenders are all placed; the last manager takes the remainder.</summary>
    private List<int> DrawCaseloads(int communityAllocated, bool anyAllocated)
    {
        var typical = _options.OffendersPerManager;
        var capacities = new List<int>((communityAllocated / Math.Max(1, typical - 5)) + 2);
        var remaining = communityAllocated;
        while (remaining > 0)
        {
            var band = _random.Next(1000);
            int capacity;
            if (band < _options.OverloadedManagersPerThousand)
            {
                capacity = _random.Next(76, 101);
            }
            else if (band < _options.OverloadedManagersPerThousand + _options.ElevatedManagersPerThousand)
            {
                capacity = _random.Next(61, 76);
            }
            else
            {
                capacity = _random.Next(typical - 5, typical + 6);
            }

            capacity = Math.Min(capacity, remaining);
            capacities.Add(capacity);
            remaining -= capacity;
        }

        if (capacities.Count == 0 && anyAllocated)
        {
            capacities.Add(0);
        }

        return capacities;
    }

    /// <summary>One place per community offender, holding its manager's index, in random order (Fisher-Yates).</summary>
    private int[] ShuffledSlots(List<int> capacities, int communityAllocated)
    {
        var slots = new int[communityAllocated];
        var at = 0;
        for (var m = 0; m < capacities.Count; m++)
        {
            for (var k = 0; k < capacities[m]; k++)
            {
                slots[at++] = m;
            }
        }

        for (var k = slots.Length - 1; k > 0; k--)
        {
            var j = _random.Next(k + 1);
            (slots[k], slots[j]) = (slots[j], slots[k]);
        }

        return slots;
    }

    private Offender BuildOffender(int number, byte flags, string? managerId, bool criticalManager, string[] neighbourhoodIds)
    {
        var id = SyntheticIds.Offender(number);
        var notYetRegistered = (flags & NotYetRegisteredFlag) != 0;
        var inCustody = (flags & InCustodyFlag) != 0;
        var unallocated = (flags & UnallocatedFlag) != 0;
        var risk = DrawRisk();

        // Registration and release.
        int registered;
        if (notYetRegistered)
        {
            registered = _asOf + _random.Next(1, 91);
        }
        else if (_random.Chance(RecentRegistrationPerThousand))
        {
            registered = _asOf - _random.Next(0, 181);
        }
        else
        {
            registered = _asOf - _random.Next(181, HistoryDays + 1);
        }

        int? released = null;
        var registeredFor = _asOf - registered;
        if (inCustody)
        {
            // Some are back inside after an earlier release.
            if (_random.Chance(100) && registeredFor > 120)
            {
                released = registered + _random.Next(30, registeredFor - 59);
            }
        }
        else if (!notYetRegistered && _random.Chance(_options.ReleasedPerThousand) && registeredFor > 60)
        {
            var maxAgo = registeredFor - 30;
            var ago = _random.Chance(300) ? _random.Next(0, Math.Min(181, maxAgo + 1)) : _random.Next(0, maxAgo + 1);
            released = _asOf - ago;
        }

        var start = released ?? registered;

        // Management.
        var reactive = risk == RiskLevel.Low
            ? _random.Chance(_options.ReactiveLowRiskPerThousand) && registeredFor >= ReactiveAfterDays
            : _random.Chance(_options.ReactiveAboveLowPerThousand);
        int? planInterval = _random.Chance(_options.PlanIntervalPerThousand) ? DrawPlanInterval(risk) : null;
        var mappa = _random.Next(1000);
        var mappaLevel = mappa < _options.MappaLevel3PerThousand ? 3 : mappa < _options.MappaLevel3PerThousand + _options.MappaLevel2PerThousand ? 2 : 1;
        var assessed = DrawAssessment(registered, notYetRegistered);

        // Neighbourhood, move and briefings.
        string? neighbourhoodId = null;
        int? moved = null;
        if (neighbourhoodIds.Length > 0 && _random.Chance(inCustody ? 500 : 970))
        {
            var neighbourhood = _random.Next(neighbourhoodIds.Length);
            neighbourhoodId = neighbourhoodIds[neighbourhood];
            moved = DrawMove(registered, notYetRegistered);
            AddBriefings(id, neighbourhoodIds, neighbourhood, moved ?? start, moved, registered, notYetRegistered);
        }

        // Visits.
        var interval = planInterval ?? DefaultInterval(risk);
        _pendingCount = 0;
        if (notYetRegistered)
        {
            // Nothing yet: their record starts after the as-of date.
        }
        else if (inCustody)
        {
            AddHistory(interval, registered, _asOf - _random.Next(30, 1501));
        }
        else if (reactive && risk == RiskLevel.Low)
        {
            AddHistory(365, registered, _asOf - _random.Next(30, 3 * 365));
        }
        else
        {
            var overdueRate = unallocated ? 500 : criticalManager ? Math.Min(1000, 2 * _options.OverduePerThousand) : _options.OverduePerThousand;
            AddScheduledVisits(interval, start, _random.Chance(overdueRate));
        }

        if (!notYetRegistered && _random.Chance(_options.FutureRecordsPerThousand))
        {
            AddPending(_asOf + _random.Next(1, 31), VisitOutcome.Completed);
        }

        FlushVisits(id);

        return new Offender
        {
            Id = id,
            ManagerId = managerId,
            NeighbourhoodId = neighbourhoodId,
            RiskLevel = risk,
            RiskAssessedOn = ToDate(assessed),
            RegisteredOn = DateOnly.FromDayNumber(registered),
            ReleasedOn = ToDate(released),
            InCustody = inCustody,
            ReactiveManagement = reactive,
            VisitIntervalDays = planInterval,
            MappaLevel = mappaLevel,
            MovedIntoNeighbourhoodOn = ToDate(moved),
        };
    }

    private RiskLevel DrawRisk()
    {
        var r = _random.Next(1000);
        if (r < _options.VeryHighRiskPerThousand)
        {
            return RiskLevel.VeryHigh;
        }

        r -= _options.VeryHighRiskPerThousand;
        if (r < _options.HighRiskPerThousand)
        {
            return RiskLevel.High;
        }

        r -= _options.HighRiskPerThousand;
        return r < _options.MediumRiskPerThousand ? RiskLevel.Medium : RiskLevel.Low;
    }

    private int DrawPlanInterval(RiskLevel risk)
    {
        var choices = risk switch
        {
            RiskLevel.VeryHigh => VeryHighPlanIntervals,
            RiskLevel.High => HighPlanIntervals,
            RiskLevel.Medium => MediumPlanIntervals,
            _ => LowPlanIntervals,
        };
        return choices[_random.Next(choices.Length)];
    }

    /// <summary>The default policy's band interval: the schedule the synthetic managers keep to.</summary>
    private static int DefaultInterval(RiskLevel risk) => risk switch
    {
        RiskLevel.VeryHigh => 30,
        RiskLevel.High => 91,
        RiskLevel.Medium => 182,
        _ => 365,
    };

    private int? DrawAssessment(int registered, bool notYetRegistered)
    {
        var kind = _random.Next(1000);
        if (notYetRegistered)
        {
            return registered + _random.Next(0, FirstVisitDays + 1);
        }

        var registeredFor = _asOf - registered;
        if (kind < _options.NoAssessmentPerThousand)
        {
            return null;
        }

        if (kind < _options.NoAssessmentPerThousand + _options.StaleAssessmentPerThousand)
        {
            // Stale: more than a year old (impossible for a recent registration, which then has none).
            return registeredFor > 366 ? _asOf - _random.Next(366, Math.Min(registeredFor, 1100) + 1) : null;
        }

        if (registeredFor <= FirstVisitDays && _random.Chance(300))
        {
            return null;
        }

        return _asOf - _random.Next(0, Math.Min(registeredFor, 365) + 1);
    }

    private int? DrawMove(int registered, bool notYetRegistered)
    {
        if (!_random.Chance(_options.NeighbourhoodMovesPerThousand))
        {
            return null;
        }

        if (notYetRegistered)
        {
            return registered + _random.Next(0, 31);
        }

        var registeredFor = _asOf - registered;
        var ago = _random.Chance(250) ? _random.Next(0, Math.Min(registeredFor, 90) + 1) : _random.Next(0, registeredFor + 1);
        return _asOf - ago;
    }

    private void AddBriefings(string offenderId, string[] neighbourhoodIds, int neighbourhood, int reference, int? moved, int registered, bool notYetRegistered)
    {
        // A briefing for the previous neighbourhood, before the move.
        if (moved is { } movedOn && neighbourhoodIds.Length > 1 && _random.Chance(300) && movedOn - registered > 30)
        {
            var previous = (neighbourhood + 1 + _random.Next(neighbourhoodIds.Length - 1)) % neighbourhoodIds.Length;
            var date = movedOn - _random.Next(1, Math.Min(movedOn - registered, 3650) + 1);
            AddBriefing(offenderId, neighbourhoodIds[previous], date);
        }

        var current = neighbourhoodIds[neighbourhood];
        var unbriefed = moved.HasValue && _random.Chance(_options.UnbriefedMovesPerThousand);
        var future = !notYetRegistered && _random.Chance(_options.FutureRecordsPerThousand);
        if (notYetRegistered)
        {
            AddBriefing(offenderId, current, reference + _random.Next(0, 8));
        }
        else if (future)
        {
            // Briefed only after the as-of date: an evaluation as of then must not count it.
            AddBriefing(offenderId, current, _asOf + _random.Next(1, 15));
        }
        else if (!unbriefed)
        {
            var sinceReference = _asOf - reference;
            if (sinceReference <= 7 && _random.Chance(500))
            {
                return; // Moved in this week: not briefed yet, and not late yet.
            }

            var delay = _random.Chance(850) ? _random.Next(0, Math.Min(7, sinceReference) + 1) : _random.Next(0, Math.Min(60, sinceReference) + 1);
            AddBriefing(offenderId, current, reference + delay);
        }
    }

    private void AddBriefing(string offenderId, string neighbourhoodId, int day) =>
        _briefings.Add(new Briefing { OffenderId = offenderId, NeighbourhoodId = neighbourhoodId, Date = DateOnly.FromDayNumber(day) });

    /// <summary>
    /// Visits of an offender who needs them: the latest completed visit is placed so that the next one falls due
    /// either within the next interval or, when <paramref name="overdue"/>, a drawn number of days ago; earlier
    /// visits go back from it an interval at a time. When that would put the latest visit before the start, the
    /// offender has not been visited since registration or release.
    /// </summary>
    private void AddScheduledVisits(int interval, int start, bool overdue)
    {
        var due = overdue ? _asOf - DrawDaysOverdue() : _asOf + _random.Next(interval);
        var last = due - interval;
        int? latest = null;
        if (last >= start)
        {
            latest = last;
        }
        else if (!overdue)
        {
            var sinceStart = _asOf - start;
            if (sinceStart > FirstVisitDays)
            {
                latest = start + _random.Next(1, FirstVisitDays + 1);
            }
            else if (_random.Chance(500))
            {
                latest = start + _random.Next(0, sinceStart + 1);
            }
        }

        if (latest is { } latestDay)
        {
            AddCompletedRun(latestDay, interval, 2 + _random.Next(2 * _options.VisitsPerOffender), start);
        }

        // Failed attempts after the latest completed visit (or since the start): a run of 2-3, or a single one.
        var after = latest ?? (start - 1);
        var room = _asOf - after;
        if (_random.Chance(_options.RepeatedNoAccessPerThousand) && room >= 3)
        {
            AddNoAccessRun(after, 2 + _random.Next(2));
        }
        else if (_random.Chance(50) && room >= 1)
        {
            AddPending(after + _random.Next(1, room + 1), VisitOutcome.NoAccess);
        }
    }

    /// <summary>Visits from before custody or reactive management: none needed now.</summary>
    private void AddHistory(int interval, int earliest, int latest)
    {
        var count = _random.Next(_options.VisitsPerOffender + 1);
        if (count > 0 && latest >= earliest)
        {
            AddCompletedRun(latest, interval, count, earliest);
        }
    }

    private int DrawDaysOverdue()
    {
        var band = _random.Next(100);
        return band switch
        {
            < 50 => _random.Next(1, 15),
            < 75 => _random.Next(15, 29),
            < 90 => _random.Next(29, 91),
            _ => _random.Next(91, 301),
        };
    }

    /// <summary>Up to <paramref name="count"/> completed visits going back from <paramref name="latest"/>, none before <paramref name="earliest"/>, some with failed or cancelled attempts a few days before.</summary>
    private void AddCompletedRun(int latest, int interval, int count, int earliest)
    {
        var day = latest;
        for (var k = 0; k < count; k++)
        {
            if (k > 0)
            {
                var gap = interval - _random.Next((interval / 8) + 1);
                if (_random.Chance(100))
                {
                    gap += _random.Next(1, (interval / 4) + 2); // A late visit.
                }

                day -= gap;
                if (day < earliest)
                {
                    break;
                }
            }

            AddPending(day, VisitOutcome.Completed);
            if (_random.Chance(80))
            {
                AddPending(day - _random.Next(1, 8), VisitOutcome.NoAccess);
            }

            if (_random.Chance(30))
            {
                AddPending(day - _random.Next(1, 15), VisitOutcome.Cancelled);
            }
        }
    }

    /// <summary><paramref name="length"/> no-access visits on distinct days after <paramref name="after"/>, the last on or before the as-of date.</summary>
    private void AddNoAccessRun(int after, int length)
    {
        var day = after;
        for (var k = 0; k < length; k++)
        {
            var left = length - k;
            var maxStep = _asOf - day - (left - 1);
            day += 1 + _random.Next(Math.Max(1, maxStep / left));
            AddPending(day, VisitOutcome.NoAccess);
        }
    }

    private void AddPending(int day, VisitOutcome outcome)
    {
        _pendingDays[_pendingCount] = day;
        _pendingOutcomes[_pendingCount] = outcome;
        _pendingCount++;
    }

    /// <summary>Writes the offender's pending visits in date order (a stable insertion sort: same-day visits keep the order they were made in).</summary>
    private void FlushVisits(string offenderId)
    {
        for (var i = 1; i < _pendingCount; i++)
        {
            var day = _pendingDays[i];
            var outcome = _pendingOutcomes[i];
            var j = i - 1;
            while (j >= 0 && _pendingDays[j] > day)
            {
                _pendingDays[j + 1] = _pendingDays[j];
                _pendingOutcomes[j + 1] = _pendingOutcomes[j];
                j--;
            }

            _pendingDays[j + 1] = day;
            _pendingOutcomes[j + 1] = outcome;
        }

        for (var i = 0; i < _pendingCount; i++)
        {
            var announced = _random.Next(100);
            _visits.Add(new Visit
            {
                OffenderId = offenderId,
                Date = DateOnly.FromDayNumber(_pendingDays[i]),
                Outcome = _pendingOutcomes[i],
                Announced = announced < 40 ? true : announced < 95 ? false : null,
            });
        }

        _pendingCount = 0;
    }

    private static DateOnly? ToDate(int? day) => day is { } d ? DateOnly.FromDayNumber(d) : null;
}
