using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Monitoring;

/// <summary>
/// A monitored offender: the record, its visits and briefings, its manager and where it is evaluated. The monitor keeps
/// every offender's slot in one array of these structs (<see cref="MonitorState"/>), addressed by position, rather than
/// an object per offender: a loaded monitor holds 100,000 offenders or more, and an object each would be that many more
/// long-lived objects for the garbage collector to copy and trace. A slot is a struct: it is changed only in place,
/// through a reference to its element of the array (<c>ref var entry = ref slots[position]</c>), never through a copy.
/// A loaded slot's visits are a slice of one array of the load's every visit grouped by offender (and its briefings of
/// another): an array each would be some 150,000 more objects to allocate and for the garbage collector to copy and
/// trace. The first visit recorded after the load copies the slice into an array of the slot's own, which then grows by
/// doubling. The shared arrays live as long as any slot shares them, so a removed offender's loaded records stay in
/// them: never more than the load held.
/// <para>A slot refers to no object the monitor makes: it names its manager and partition by number
/// (<c>MonitorState.ManagerOf</c>, <c>MonitorState.PartitionOf</c>), and the offender's fact is kept in an array beside
/// the slots (<c>MonitorState._facts</c>). The slots' array lives in the large object heap, which the collector treats
/// as old, and a reference from it to a younger object marks its stretch of the array for the collector to scan at each
/// collection of the younger generations. With references to the managers, partitions and facts a load makes, every
/// collection during a load scanned the whole array (measured: a second such array made a load's collections 14-22 ms
/// longer).</para>
/// </summary>
internal struct OffenderSlot(Offender record)
{
    private Records<Visit> _visits;
    private Records<Briefing> _briefings;

    public Offender Record { get; set; } = record;

    public readonly ReadOnlySpan<Visit> Visits => _visits.Span;

    public readonly ReadOnlySpan<Briefing> Briefings => _briefings.Span;

    /// <summary>The number of the manager the record names (<see cref="ManagerEntry.Number"/>), or 0 when unallocated.</summary>
    public int Manager { get; set; }

    /// <summary>Where this slot's position is in its manager's <see cref="ManagerEntry.Offenders"/>.</summary>
    public int ManagerSlot { get; set; }

    /// <summary>The number of the partition of the offender's team (<see cref="MonitorPartition.Number"/>) while it is evaluated (registered by the as-of date), else 0.</summary>
    public int Partition { get; set; }

    /// <summary>Whether the offender's visit is overdue (<c>VisitOverdueRule.Holds</c> of its fact as last refreshed), while it is evaluated.</summary>
    public bool Overdue { get; set; }

    /// <summary>The number of the manager whose caseload counts this offender, or 0.</summary>
    public int Counted { get; set; }

    public void AddVisit(Visit visit) => _visits.Add(visit);

    public void AddBriefing(Briefing briefing) => _briefings.Add(briefing);

    /// <summary>Gives a loaded slot its visits: <paramref name="count"/> of <paramref name="all"/> from <paramref name="start"/>, shared (before any is added).</summary>
    public void ShareVisits(Visit[] all, int start, int count) => _visits = Records<Visit>.Shared(all, start, count);

    /// <summary>Gives a loaded slot its briefings, as <see cref="ShareVisits"/>.</summary>
    public void ShareBriefings(Briefing[] all, int start, int count) => _briefings = Records<Briefing>.Shared(all, start, count);

    /// <summary>
    /// A slot's records of one kind: a slice of a shared array until one is added, then an array of its own. A slice's
    /// start is kept as its complement (negative), which is how a shared array is told from an own one in 16 bytes. The
    /// default is empty (no array), so a new array of slots holds empty ones without a write to each.
    /// </summary>
    private struct Records<T>
    {
        private T[]? _items;
        private int _start;
        private int _count;

        private Records(T[] items, int start, int count)
        {
            _items = items;
            _start = start;
            _count = count;
        }

        public readonly ReadOnlySpan<T> Span => _items.AsSpan(_start < 0 ? ~_start : 0, _count);

        /// <summary><paramref name="count"/> of <paramref name="all"/> from <paramref name="start"/>, shared.</summary>
        public static Records<T> Shared(T[] all, int start, int count) => count == 0 ? default : new(all, ~start, count);

        public void Add(T item)
        {
            if (_start < 0 || _items is null || _count == _items.Length)
            {
                var own = new T[Math.Max(4, 2 * _count)];
                if (_count > 0)
                {
                    Array.Copy(_items!, _start < 0 ? ~_start : 0, own, 0, _count);
                }

                _items = own;
                _start = 0;
            }

            _items[_count++] = item;
        }
    }
}
