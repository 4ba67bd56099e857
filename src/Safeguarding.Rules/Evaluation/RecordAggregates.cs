using System.Runtime.CompilerServices;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Evaluation;

/// <summary>
/// The per-offender aggregates of visits and briefings as of the evaluation date, gathered while the validator
/// resolves each record's offender (evaluation's listener to the validator's single pass): the latest completed visit, the no-access visits after it, and the latest
/// briefing to the offender's current neighbourhood. Records dated after the as-of date do not exist here. Each
/// chunk of records keeps its own arrays, merged by <see cref="Complete"/>. Dates are kept as day numbers plus one (0 for
/// none; see <see cref="Day"/>): half the size of <see cref="DateOnly"/>? arrays, which are as long as the offenders.
/// </summary>
internal sealed class RecordAggregates(IReadOnlyList<Offender> offenders, DateOnly asOf) : IValidRecordListener
{
    private int[][] _lastCompleted = [];
    private List<(int Offender, DateOnly Date)>[] _noAccess = [];
    private int[][] _latestBriefing = [];

    /// <summary>Per offender: the latest completed visit on or before the as-of date, as <see cref="Day"/> reads it.</summary>
    public int[] LastCompleted { get; private set; } = [];

    /// <summary>Per offender: no-access visits on or before the as-of date and after <see cref="LastCompleted"/>.</summary>
    public int[] NoAccessSinceLastCompleted { get; private set; } = [];

    /// <summary>Per offender: the latest briefing to the offender's neighbourhood on or before the as-of date, as <see cref="Day"/> reads it.</summary>
    public int[] LatestBriefing { get; private set; } = [];

    /// <summary>The date of an entry of <see cref="LastCompleted"/> or <see cref="LatestBriefing"/>: <see langword="null"/> for 0, else the day number one less.</summary>
    public static DateOnly? Day(int entry) => entry == 0 ? null : DateOnly.FromDayNumber(entry - 1);

    /// <summary>Whether an entry's date is on or after <paramref name="date"/> (no date is not).</summary>
    private static bool OnOrAfter(int entry, DateOnly date) => entry > date.DayNumber;

    public void BeginVisits(int chunks)
    {
        _lastCompleted = new int[chunks][];
        _noAccess = new List<(int, DateOnly)>[chunks];
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            _lastCompleted[chunk] = new int[offenders.Count];
            _noAccess[chunk] = [];
        }
    }

    [MethodImpl(PerRecord.Compiled)]
    public void Visit(int chunk, int index, int offender, Visit visit)
    {
        if (visit.Date > asOf)
        {
            return;
        }

        if (visit.Outcome == VisitOutcome.Completed)
        {
            ref var latest = ref _lastCompleted[chunk][offender];
            if (!OnOrAfter(latest, visit.Date))
            {
                latest = visit.Date.DayNumber + 1;
            }
        }
        else if (visit.Outcome == VisitOutcome.NoAccess)
        {
            // A small share of the visits: kept aside until the latest completed visit is known.
            _noAccess[chunk].Add((offender, visit.Date));
        }
    }

    public void BeginBriefings(int chunks)
    {
        _latestBriefing = new int[chunks][];
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            _latestBriefing[chunk] = new int[offenders.Count];
        }
    }

    [MethodImpl(PerRecord.Compiled)]
    public void Briefing(int chunk, int index, int offender, Briefing briefing)
    {
        ref var latest = ref _latestBriefing[chunk][offender];
        if (briefing.Date <= asOf
            && !OnOrAfter(latest, briefing.Date)
            && string.Equals(briefing.NeighbourhoodId, offenders[offender].NeighbourhoodId, StringComparison.Ordinal))
        {
            latest = briefing.Date.DayNumber + 1;
        }
    }

    /// <summary>Merges the chunks' arrays, once every record has been seen.</summary>
    public RecordAggregates Complete()
    {
        LastCompleted = Merge(_lastCompleted);
        LatestBriefing = Merge(_latestBriefing);
        var noAccess = new int[offenders.Count];
        foreach (var chunk in _noAccess)
        {
            foreach (var (o, date) in chunk)
            {
                if (!OnOrAfter(LastCompleted[o], date))
                {
                    noAccess[o]++;
                }
            }
        }

        NoAccessSinceLastCompleted = noAccess;
        (_lastCompleted, _noAccess, _latestBriefing) = ([], [], []);
        return this;
    }

    /// <summary>The later date per offender across the chunks (an array with no records at all has no chunks).</summary>
    private int[] Merge(int[][] chunks)
    {
        if (chunks.Length == 0)
        {
            return new int[offenders.Count];
        }

        var into = chunks[0];
        for (var chunk = 1; chunk < chunks.Length; chunk++)
        {
            var other = chunks[chunk];
            for (var o = 0; o < into.Length; o++)
            {
                if (other[o] > into[o])
                {
                    into[o] = other[o];
                }
            }
        }

        return into;
    }
}
