using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Monitoring;

/// <summary>
/// A monitored offender: the record, its visits and briefings, and its fact while it is evaluated. The visits and
/// briefings are arrays filled to a count rather than lists (a loaded monitor holds 100,000 entries or more; each list
/// would be one more object to allocate and for the garbage collector to trace).
/// </summary>
internal sealed class OffenderEntry(Offender record)
{
    private Visit[] _visits = [];
    private int _visitCount;
    private Briefing[] _briefings = [];
    private int _briefingCount;

    public Offender Record { get; set; } = record;

    public ReadOnlySpan<Visit> Visits => _visits.AsSpan(0, _visitCount);

    public ReadOnlySpan<Briefing> Briefings => _briefings.AsSpan(0, _briefingCount);

    /// <summary>The manager the record names, or <see langword="null"/> when unallocated.</summary>
    public ManagerEntry? Manager { get; set; }

    /// <summary>Where this entry is in <see cref="Manager"/>'s <see cref="ManagerEntry.Offenders"/>.</summary>
    public int ManagerSlot { get; set; }

    /// <summary>
    /// The offender fact while it is in <see cref="Partition"/>'s session: only a fact that can match a rule is
    /// (<see cref="Evaluation.MatchFilter"/>), as in a full evaluation; most offenders have none kept.
    /// </summary>
    public OffenderCase? Fact { get; set; }

    /// <summary>The partition of the offender's team while it is evaluated (registered by the as-of date), else <see langword="null"/>.</summary>
    public MonitorPartition? Partition { get; set; }

    /// <summary>Whether the offender's visit is overdue (<c>VisitOverdueRule.Holds</c> of its fact as last refreshed), while it is evaluated.</summary>
    public bool Overdue { get; set; }

    /// <summary>The manager whose caseload counts this offender, if any.</summary>
    public ManagerEntry? Counted { get; set; }

    public void AddVisit(Visit visit) => Append(ref _visits, ref _visitCount, visit);

    public void AddBriefing(Briefing briefing) => Append(ref _briefings, ref _briefingCount, briefing);

    /// <summary>Counts one more visit to come (a load counts them all, <see cref="AllocateCounted"/>, then adds them).</summary>
    public void CountVisit() => _visitCount++;

    /// <summary>Counts one more briefing to come.</summary>
    public void CountBriefing() => _briefingCount++;

    /// <summary>Makes arrays of exactly the counted visits and briefings, empty, for the load to add them to (before any is added).</summary>
    public void AllocateCounted()
    {
        if (_visitCount > 0)
        {
            _visits = new Visit[_visitCount];
            _visitCount = 0;
        }

        if (_briefingCount > 0)
        {
            _briefings = new Briefing[_briefingCount];
            _briefingCount = 0;
        }
    }

    private static void Append<T>(ref T[] items, ref int count, T item)
    {
        if (count == items.Length)
        {
            Array.Resize(ref items, Math.Max(4, 2 * count));
        }

        items[count++] = item;
    }
}
