using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Monitoring;

/// <summary>A monitored manager: the record, its fact, and every offender record that names it.</summary>
internal sealed class ManagerEntry(Manager record, ManagerCase fact)
{
    public Manager Record { get; set; } = record;

    public ManagerCase Fact { get; set; } = fact;

    public HashSet<OffenderEntry> Offenders { get; } = new(ReferenceEqualityComparer.Instance);
}
