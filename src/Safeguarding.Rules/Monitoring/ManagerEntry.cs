using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Monitoring;

/// <summary>A monitored manager: the record, its fact, and every offender record that names it.</summary>
internal sealed class ManagerEntry(Manager record, ManagerCase fact, int offenders = 0)
{
    private readonly List<OffenderEntry> _offenders = new(offenders);

    public Manager Record { get; set; } = record;

    public ManagerCase Fact { get; set; } = fact;

    /// <summary>The offender entries that name this manager, in no particular order (each knows its slot, <see cref="OffenderEntry.ManagerSlot"/>).</summary>
    public IReadOnlyList<OffenderEntry> Offenders => _offenders;

    public void Add(OffenderEntry offender)
    {
        offender.ManagerSlot = _offenders.Count;
        _offenders.Add(offender);
    }

    /// <summary>Removes an entry that names this manager: the last entry takes its slot.</summary>
    public void Remove(OffenderEntry offender)
    {
        var slot = offender.ManagerSlot;
        var last = _offenders[^1];
        _offenders[slot] = last;
        last.ManagerSlot = slot;
        _offenders.RemoveAt(_offenders.Count - 1);
    }
}
