namespace Safeguarding.Rules.Monitoring;

/// <summary>
/// One change to the caseload a <see cref="SafeguardingMonitor"/> keeps: an offender added, updated, reassigned or removed,
/// a visit or briefing recorded, a manager added, moved or removed, a strategy discussion, detention or police protection
/// recorded (new or updated), an override added or removed, or the as-of date advanced. The set of changes is
/// closed: each is one of the records in this namespace, and each checks itself and applies itself to the monitor's state.
/// </summary>
public abstract record MonitorChange
{
    private protected MonitorChange()
    {
    }

    /// <summary>Adds a problem to <paramref name="problems"/> for everything wrong with the change against <paramref name="state"/>; changes nothing.</summary>
    internal abstract void Check(MonitorState state, List<ChangeProblem> problems);

    /// <summary>Applies the change, already checked, to <paramref name="state"/>.</summary>
    internal abstract void Apply(MonitorState state);
}
