using NRules;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Monitoring;

/// <summary>
/// One team's long-lived session (or the session of the offenders and managers with no team): its team fact, its
/// findings, and the facts to put in it when it is (re)built. No rule relates facts of two teams, so every join stays
/// within a team.
/// </summary>
internal sealed class MonitorPartition
{
    private MonitorPartition(string? teamId, TeamCase? team, ISession session, FindingTracker tracker)
    {
        TeamId = teamId;
        Team = team;
        Session = session;
        Tracker = tracker;
    }

    public string? TeamId { get; }

    /// <summary>
    /// The team fact; <see langword="null"/> for the partition with no team. Its caseload is the one the session last saw,
    /// which may lag <see cref="Caseload"/> while the lag cannot change the team's backlog finding (see <c>MonitorState.SyncTeam</c>).
    /// </summary>
    public TeamCase? Team { get; }

    /// <summary>The team's caseload: the sum of its managers' caseloads.</summary>
    public int Caseload { get; set; }

    /// <summary>The offender facts in the session whose visit is overdue: the team's overdue visits, counted as they come and go.</summary>
    public int OverdueVisits { get; set; }

    public ISession Session { get; }

    public FindingTracker Tracker { get; }

    /// <summary>Facts waiting to be inserted when the partition is filled in one batch.</summary>
    public List<object> Pending { get; } = [];

    /// <summary>Facts in the session, changed in place, waiting to be updated when the partition is filled (a new day).</summary>
    public List<object> Changed { get; } = [];

    /// <summary>Facts in the session, changed in place, that can no longer match a rule, waiting to be retracted when the partition is filled (a new day).</summary>
    public List<object> Retracted { get; } = [];

    public static MonitorPartition Create(ISessionFactory factory, string? teamId, TeamCase? team)
    {
        var session = factory.CreateSession();
        var tracker = new FindingTracker();
        session.DependencyResolver = tracker.ResolverOver(session.DependencyResolver);
        session.Events.ActivationDeletedEvent += (_, e) => tracker.Deleted(e.Match);
        var partition = new MonitorPartition(teamId, team, session, tracker);
        if (team is not null)
        {
            partition.Pending.Add(team);
        }

        return partition;
    }

    /// <summary>
    /// Offender facts in the session, brought to a new day in place, whose matches that day cannot change (see
    /// <see cref="SteadyOffenders"/>): their findings are refreshed when the partition is filled, without session work.
    /// </summary>
    public List<OffenderCase> Steady { get; } = [];

    /// <summary>
    /// Refreshes the steady facts' findings (with <paramref name="steady"/>; one it cannot refresh is updated instead),
    /// retracts, updates and inserts the waiting facts and fires, without journaling (a first fill, or a new day).
    /// </summary>
    public void Fill(SteadyOffenders? steady = null)
    {
        Tracker.Journaling = false;
        if (Steady.Count > 0)
        {
            foreach (var fact in Steady)
            {
                if (!steady!.Refresh(fact, Tracker))
                {
                    Changed.Add(fact);
                }
            }

            Steady.Clear();
        }

        if (Retracted.Count > 0)
        {
            Session.RetractAll(Retracted);
            Retracted.Clear();
        }

        if (Changed.Count > 0)
        {
            Session.UpdateAll(Changed);
            Changed.Clear();
        }

        // About one finding per fact, as an evaluation's collector is sized (a no-op once the tracker holds as many).
        Tracker.EnsureCapacity(Tracker.ById.Count + Pending.Count + (Pending.Count / 4));
        Session.InsertAll(Pending);
        Pending.Clear();

        // As an evaluation fires (CollectingSessionRunner): the overdue visits the firings yield are propagated in one
        // batch once the firings are done, not one propagation per firing; then the rules they activate fire, until
        // nothing more is yielded. Changes after the fill propagate theirs as they fire.
        Session.AutoPropagateLinkedFacts = false;
        try
        {
            do
            {
                Session.Fire();
            }
            while (Session.PropagateLinked().Any());
        }
        finally
        {
            Session.AutoPropagateLinkedFacts = true;
        }

        Tracker.Journaling = true;
    }
}
