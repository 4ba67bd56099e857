using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Monitoring;

/// <summary>A monitored manager: the record, its fact, and every offender record that names it.</summary>
internal sealed class ManagerEntry(int number, Manager record, ManagerCase fact, int offenders = 0)
{
    private readonly List<int> _offenders = new(offenders);

    /// <summary>The number an offender slot names this manager by (<see cref="OffenderSlot.Manager"/>): 1 or more, never reused by another manager.</summary>
    public int Number { get; } = number;

    public Manager Record { get; set; } = record;

    /// <summary>
    /// The partition of the manager's team as last looked up (<c>MonitorState.PartitionFor</c>), valid while
    /// <see cref="Record"/> is <see cref="PartitionRecord"/> (a manager moved to another team has a new record): a load
    /// places every offender in its manager's partition, and looking the team's id up for each was a tenth of the placing.
    /// </summary>
    public MonitorPartition? Partition { get; set; }

    /// <summary>The record <see cref="Partition"/> was looked up for.</summary>
    public Manager? PartitionRecord { get; set; }

    public ManagerCase Fact { get; set; } = fact;

    /// <summary>
    /// The positions of the offender slots that name this manager (in the monitor's array of <see cref="OffenderSlot"/>),
    /// in no particular order (each slot knows where it is here, <see cref="OffenderSlot.ManagerSlot"/>).
    /// </summary>
    public IReadOnlyList<int> Offenders => _offenders;

    /// <summary>Adds the offender at <paramref name="position"/> of <paramref name="slots"/>, which names this manager.</summary>
    public void Add(OffenderSlot[] slots, int position)
    {
        slots[position].ManagerSlot = _offenders.Count;
        _offenders.Add(position);
    }

    /// <summary>Removes the offender at <paramref name="position"/> of <paramref name="slots"/>, which names this manager: the last offender takes its place here.</summary>
    public void Remove(OffenderSlot[] slots, int position)
    {
        var slot = slots[position].ManagerSlot;
        var last = _offenders[^1];
        _offenders[slot] = last;
        slots[last].ManagerSlot = slot;
        _offenders.RemoveAt(_offenders.Count - 1);
    }
}
