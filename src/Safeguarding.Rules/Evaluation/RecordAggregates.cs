using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Evaluation;

/// <summary>
/// The per-offender aggregates of visits and briefings as of the evaluation date, gathered while the validator
/// resolves each record's offender (evaluation's listener to the validator's single pass): the latest completed visit, the no-access visits after it, and the latest
/// briefing to the offender's current neighbourhood. Records dated after the as-of date do not exist here. Each
/// chunk of records keeps its own arrays, merged by <see cref="Complete"/>.
/// </summary>
internal sealed class RecordAggregates(IReadOnlyList<Offender> offenders, DateOnly asOf) : IValidRecordListener
{
    private DateOnly?[][] _lastCompleted = [];
    private List<(int Offender, DateOnly Date)>[] _noAccess = [];
    private DateOnly?[][] _latestBriefing = [];

    /// <summary>Per offender: the latest completed visit on or before the as-of date.</summary>
    public DateOnly?[] LastCompleted { get; private set; } = [];

    /// <summary>Per offender: no-access visits on or before the as-of date and after <see cref="LastCompleted"/>.</summary>
    public int[] NoAccessSinceLastCompleted { get; private set; } = [];

    /// <summary>Per offender: the latest briefing to the offender's neighbourhood on or before the as-of date.</summary>
    public DateOnly?[] LatestBriefing { get; private set; } = [];

    public void BeginVisits(int chunks)
    {
        _lastCompleted = new DateOnly?[chunks][];
        _noAccess = new List<(int, DateOnly)>[chunks];
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            _lastCompleted[chunk] = new DateOnly?[offenders.Count];
            _noAccess[chunk] = [];
        }
    }

    public void Visit(int chunk, int offender, Visit visit)
    {
        if (visit.Date > asOf)
        {
            return;
        }

        if (visit.Outcome == VisitOutcome.Completed)
        {
            ref var latest = ref _lastCompleted[chunk][offender];
            if (!(latest >= visit.Date))
            {
                latest = visit.Date;
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
        _latestBriefing = new DateOnly?[chunks][];
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            _latestBriefing[chunk] = new DateOnly?[offenders.Count];
        }
    }

    public void Briefing(int chunk, int offender, Briefing briefing)
    {
        ref var latest = ref _latestBriefing[chunk][offender];
        if (briefing.Date <= asOf
            && !(latest >= briefing.Date)
            && string.Equals(briefing.NeighbourhoodId, offenders[offender].NeighbourhoodId, StringComparison.Ordinal))
        {
            latest = briefing.Date;
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
                if (!(LastCompleted[o] >= date))
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
    private DateOnly?[] Merge(DateOnly?[][] chunks)
    {
        if (chunks.Length == 0)
        {
            return new DateOnly?[offenders.Count];
        }

        var into = chunks[0];
        for (var chunk = 1; chunk < chunks.Length; chunk++)
        {
            var other = chunks[chunk];
            for (var o = 0; o < into.Length; o++)
            {
                if (other[o] is { } date && !(into[o] >= date))
                {
                    into[o] = date;
                }
            }
        }

        return into;
    }
}
