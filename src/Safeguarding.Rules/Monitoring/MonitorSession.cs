using NRules;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Monitoring;

/// <summary>
/// One long-lived rule session of the monitor and its findings: the session of one or more whole teams (packed as an
/// evaluation packs its partitions), of the offenders and managers with no team, or of the child-protection records.
/// Teams share a session because no rule relates facts of two teams; fewer, larger sessions are what makes a load cheap
/// (each NRules session brings its own node memories and metrics). Holds the facts waiting to go into the session when it
/// is (re)filled. The NRules session itself is made when it is first used, so the sessions of a load can be packed
/// (<see cref="Absorb"/>) once the facts they will hold are known.
/// </summary>
internal sealed class MonitorSession(ISessionFactory factory)
{
    private ISession? _session;

    public ISession Session => _session ??= Created();

    public FindingTracker Tracker { get; } = new();

    /// <summary>Facts waiting to be inserted when the session is filled in one batch.</summary>
    public List<object> Pending { get; } = [];

    /// <summary>Facts in the session, changed in place, waiting to be updated when the session is filled (a new day).</summary>
    public List<object> Changed { get; } = [];

    /// <summary>Facts in the session, changed in place, that can no longer match a rule, waiting to be retracted when the session is filled (a new day).</summary>
    public List<object> Retracted { get; } = [];

    /// <summary>
    /// Offender facts in the session, brought to a new day in place, whose matches that day cannot change (see
    /// <see cref="SteadyOffenders"/>): their findings are refreshed when the session is filled, without session work.
    /// </summary>
    public List<OffenderCase> Steady { get; } = [];

    /// <summary>
    /// Takes over what <paramref name="other"/> has waiting, before either has made its NRules session (a load packing
    /// its teams' sessions); <paramref name="other"/> is then dropped.
    /// </summary>
    public void Absorb(MonitorSession other)
    {
        if (_session is not null || other._session is not null)
        {
            throw new InvalidOperationException("Only sessions not yet made can be packed together. This is a defect in Safeguarding.Rules.");
        }

        Pending.AddRange(other.Pending);
        Changed.AddRange(other.Changed);
        Retracted.AddRange(other.Retracted);
        Steady.AddRange(other.Steady);
    }

    /// <summary>
    /// Refreshes the steady facts' findings (with <paramref name="steady"/>; one it cannot refresh is updated instead),
    /// retracts, updates and inserts the waiting facts and fires, without journaling (a first fill, or a new day).
    /// </summary>
    public void Fill(SteadyOffenders? steady = null)
    {
        var session = Session;
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
            session.RetractAll(Retracted);
            Retracted.Clear();
        }

        if (Changed.Count > 0)
        {
            session.UpdateAll(Changed);
            Changed.Clear();
        }

        // About one finding per fact, as an evaluation's collector is sized (a no-op once the tracker holds as many).
        Tracker.EnsureCapacity(Tracker.ById.Count + Pending.Count + (Pending.Count / 4));
        session.InsertAll(Pending);
        Pending.Clear();

        // As an evaluation fires (CollectingSessionRunner): the overdue visits the firings yield are propagated in one
        // batch once the firings are done, not one propagation per firing; then the rules they activate fire, until
        // nothing more is yielded. Changes after the fill propagate theirs as they fire.
        session.AutoPropagateLinkedFacts = false;
        try
        {
            do
            {
                session.Fire();
            }
            while (session.PropagateLinked().Any());
        }
        finally
        {
            session.AutoPropagateLinkedFacts = true;
        }

        Tracker.Journaling = true;
    }

    private ISession Created()
    {
        var session = factory.CreateSession();
        var tracker = Tracker;
        session.DependencyResolver = tracker.ResolverOver(session.DependencyResolver);
        session.Events.ActivationDeletedEvent += (_, e) => tracker.Deleted(e.Match);
        return session;
    }
}
