using NRules;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Monitoring;

/// <summary>
/// One team as the monitor keeps it (or the offenders and managers with no team, or the child-protection records): its
/// team fact, its caseload and overdue visits as they come and go, and the session that holds its facts
/// (<see cref="Shared"/>, which other teams' partitions may share: no rule relates facts of two teams, so every join
/// stays within a team whichever session it runs in).
/// </summary>
internal sealed class MonitorPartition
{
    private MonitorPartition(string? teamId, TeamCase? team, MonitorSession shared)
    {
        TeamId = teamId;
        Team = team;
        Shared = shared;
    }

    public string? TeamId { get; }

    /// <summary>The number an offender slot names this partition by (<see cref="OffenderSlot.Partition"/>): 1 or more for a team's or the no-team partition, 0 for one no slot names.</summary>
    public int Number { get; set; }

    /// <summary>
    /// The team fact; <see langword="null"/> for a partition with no team. Its caseload is the one the session last saw,
    /// which may lag <see cref="Caseload"/> while the lag cannot change the team's backlog finding (see <c>MonitorState.SyncTeam</c>).
    /// </summary>
    public TeamCase? Team { get; }

    /// <summary>The team's caseload: the sum of its managers' caseloads.</summary>
    public int Caseload { get; set; }

    /// <summary>The team's offender facts whose visit is overdue: the team's overdue visits, counted as they come and go.</summary>
    public int OverdueVisits { get; set; }

    /// <summary>The session that holds the team's facts, alone or with other teams' (a load packs them, <see cref="MonitorSession.Absorb"/>).</summary>
    public MonitorSession Shared { get; set; }

    public ISession Session => Shared.Session;

    public FindingTracker Tracker => Shared.Tracker;

    /// <inheritdoc cref="MonitorSession.Pending"/>
    public List<object> Pending => Shared.Pending;

    /// <inheritdoc cref="MonitorSession.Changed"/>
    public List<object> Changed => Shared.Changed;

    /// <inheritdoc cref="MonitorSession.Retracted"/>
    public List<object> Retracted => Shared.Retracted;

    /// <inheritdoc cref="MonitorSession.Steady"/>
    public List<OffenderCase> Steady => Shared.Steady;

    /// <summary>A partition with a session of its own (not yet made), its team fact waiting to be inserted.</summary>
    public static MonitorPartition Create(ISessionFactory factory, string? teamId, TeamCase? team)
    {
        var partition = new MonitorPartition(teamId, team, new MonitorSession(factory));
        if (team is not null)
        {
            partition.Pending.Add(team);
        }

        return partition;
    }
}
