using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Monitoring;

/// <summary>A monitored offender: the record, its visits and briefings, and its fact while it is evaluated.</summary>
internal sealed class OffenderEntry(Offender record)
{
    public Offender Record { get; set; } = record;

    public List<Visit> Visits { get; } = [];

    public List<Briefing> Briefings { get; } = [];

    /// <summary>The manager the record names, or <see langword="null"/> when unallocated.</summary>
    public ManagerEntry? Manager { get; set; }

    /// <summary>The offender fact, while the offender is evaluated (registered by the as-of date).</summary>
    public OffenderCase? Fact { get; set; }

    /// <summary>The partition of the offender's team while it is evaluated; its session holds <see cref="Fact"/> when <see cref="InSession"/>.</summary>
    public MonitorPartition? Partition { get; set; }

    /// <summary>
    /// Whether <see cref="Fact"/> is in <see cref="Partition"/>'s session: only a fact that can match a rule is
    /// (<see cref="Evaluation.MatchFilter"/>), as in a full evaluation.
    /// </summary>
    public bool InSession { get; set; }

    /// <summary>The manager whose caseload counts this offender, if any.</summary>
    public ManagerEntry? Counted { get; set; }
}
