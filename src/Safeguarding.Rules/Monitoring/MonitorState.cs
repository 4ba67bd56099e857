using Safeguarding.Rules.Caseload;
using Safeguarding.Rules.Changes;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Escalation;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Findings;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Visits;

namespace Safeguarding.Rules.Monitoring;

/// <summary>
/// The records a monitor keeps and the long-lived sessions over them, one per team (and one for offenders and managers
/// with no team). Every offender change goes through <see cref="Place"/>, the one place that recomputes an offender's
/// aggregates, refreshes its fact, moves it between sessions and keeps the caseloads of its managers and teams (and
/// the escalation of a critical manager's overdue visits) current. Not thread-safe: the monitor serialises access.
/// </summary>
internal sealed class MonitorState
{
    private readonly CompiledRules _rules;
    private readonly PolicyView _policy;
    private readonly int _maxDegreeOfParallelism;
    private readonly Dictionary<string, OffenderEntry> _offenders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ManagerEntry> _managers = new(StringComparer.Ordinal);
    private readonly List<string>? _listedTeams;
    private readonly HashSet<MonitorPartition> _touched = [];
    private Dictionary<string, MonitorPartition> _partitions = new(StringComparer.Ordinal);
    private MonitorPartition _noTeam = null!;
    private Dictionary<string, Finding>? _beforeRebuild;

    private MonitorState(CompiledRules rules, PolicyView policy, int maxDegreeOfParallelism, DateOnly asOf, List<string>? listedTeams)
    {
        _rules = rules;
        _policy = policy;
        _maxDegreeOfParallelism = maxDegreeOfParallelism;
        AsOf = asOf;
        _listedTeams = listedTeams;
    }

    public DateOnly AsOf { get; private set; }

    public PolicyView Policy => _policy;

    /// <summary>Loads a snapshot without problems: its records, then every session.</summary>
    public static MonitorState Load(CompiledRules rules, PolicyView policy, int maxDegreeOfParallelism, CaseloadSnapshot snapshot, DateOnly asOf)
    {
        var listed = snapshot.Teams?.Select(static t => t.Id).Distinct(StringComparer.Ordinal).ToList();
        var state = new MonitorState(rules, policy, maxDegreeOfParallelism, asOf, listed);
        foreach (var manager in snapshot.Managers)
        {
            state._managers.Add(manager.Id, new ManagerEntry(manager, null!));
        }

        foreach (var offender in snapshot.Offenders)
        {
            var entry = new OffenderEntry(offender);
            if (offender.ManagerId is { } managerId)
            {
                entry.Manager = state._managers[managerId];
                entry.Manager.Offenders.Add(entry);
            }

            state._offenders.Add(offender.Id, entry);
        }

        foreach (var visit in snapshot.Visits)
        {
            state._offenders[visit.OffenderId].Visits.Add(visit);
        }

        foreach (var briefing in snapshot.Briefings)
        {
            state._offenders[briefing.OffenderId].Briefings.Add(briefing);
        }

        state.Build();
        return state;
    }

    public bool HasOffender(string id) => _offenders.ContainsKey(id);

    public bool HasManager(string id) => _managers.ContainsKey(id);

    /// <summary>How many offender records name the manager.</summary>
    public int OffendersOf(string managerId) => _managers[managerId].Offenders.Count;

    /// <summary>Whether a manager may name the team: any team when the snapshot listed none, else a listed one.</summary>
    public bool AcceptsTeam(string teamId) => _listedTeams is null || _listedTeams.Contains(teamId, StringComparer.Ordinal);

    public void AddOffender(Offender offender)
    {
        var entry = new OffenderEntry(offender);
        _offenders.Add(offender.Id, entry);
        Place(entry, ManagerNamed(offender.ManagerId), present: true);
    }

    public void UpdateOffender(Offender offender)
    {
        var entry = _offenders[offender.Id];
        entry.Record = offender;
        Place(entry, ManagerNamed(offender.ManagerId), present: true);
    }

    public void ReassignOffender(string offenderId, string? managerId)
    {
        var entry = _offenders[offenderId];
        entry.Record = entry.Record with { ManagerId = managerId };
        Place(entry, ManagerNamed(managerId), present: true);
    }

    public void RemoveOffender(string offenderId)
    {
        var entry = _offenders[offenderId];
        Place(entry, null, present: false);
        _offenders.Remove(offenderId);
    }

    public void RecordVisit(Visit visit)
    {
        var entry = _offenders[visit.OffenderId];
        entry.Visits.Add(visit);
        if (entry.Fact is not null && visit.Date <= AsOf && visit.Outcome != VisitOutcome.Cancelled)
        {
            Place(entry, entry.Manager, present: true);
        }
    }

    public void RecordBriefing(Briefing briefing)
    {
        var entry = _offenders[briefing.OffenderId];
        entry.Briefings.Add(briefing);
        if (entry.Fact is not null && briefing.Date <= AsOf && string.Equals(briefing.NeighbourhoodId, entry.Record.NeighbourhoodId, StringComparison.Ordinal))
        {
            Place(entry, entry.Manager, present: true);
        }
    }

    public void AddManager(Manager manager)
    {
        var entry = new ManagerEntry(manager, new ManagerCase(manager.Id, manager.TeamId, AsOf, _policy));
        _managers.Add(manager.Id, entry);
        var partition = PartitionFor(entry);
        Touch(partition);
        partition.Session.Insert(entry.Fact);
    }

    public void MoveManager(string managerId, string? teamId)
    {
        var manager = _managers[managerId];
        if (string.Equals(manager.Record.TeamId, teamId, StringComparison.Ordinal))
        {
            return;
        }

        // Out of the old team's session before anything changes: NRules finds what to retract by the facts as they were.
        var from = PartitionFor(manager);
        Touch(from);
        var moving = manager.Offenders.Where(static o => o.Fact is not null).ToList();
        foreach (var offender in moving)
        {
            from.Session.Retract(offender.Fact!);
        }

        from.Session.Retract(manager.Fact);
        if (from.Team is { } oldTeam)
        {
            oldTeam.Caseload -= manager.Fact.Caseload;
            from.Session.Update(oldTeam);
        }

        manager.Record = manager.Record with { TeamId = teamId };
        manager.Fact.TeamId = teamId;
        var to = PartitionFor(manager);
        Touch(to);
        to.Session.Insert(manager.Fact);
        if (to.Team is { } newTeam)
        {
            newTeam.Caseload += manager.Fact.Caseload;
            to.Session.Update(newTeam);
        }

        foreach (var offender in moving)
        {
            offender.Partition = to;
            to.Session.Insert(offender.Fact!);
        }
    }

    public void RemoveManager(string managerId)
    {
        var manager = _managers[managerId];
        var partition = PartitionFor(manager);
        Touch(partition);
        partition.Session.Retract(manager.Fact);
        _managers.Remove(managerId);
    }

    /// <summary>A new as-of date changes nearly every fact: the sessions are rebuilt, and the change is read from the findings before and after.</summary>
    public void AdvanceAsOf(DateOnly asOf)
    {
        _beforeRebuild = AllFindings();
        AsOf = asOf;
        Build();
    }

    /// <summary>Fires every session the change touched and reads off what the change did to the findings.</summary>
    public MonitorResult Finish()
    {
        var pairs = new Dictionary<string, (Finding? Before, Finding? After)>(StringComparer.Ordinal);
        if (_beforeRebuild is { } before)
        {
            _beforeRebuild = null;
            var after = AllFindings();
            foreach (var (id, finding) in before)
            {
                pairs[id] = (finding, after.GetValueOrDefault(id));
            }

            foreach (var (id, finding) in after)
            {
                if (!before.ContainsKey(id))
                {
                    pairs[id] = (null, finding);
                }
            }
        }
        else
        {
            foreach (var partition in _touched)
            {
                partition.Session.Fire();
            }

            foreach (var partition in _touched)
            {
                foreach (var (id, earlier) in partition.Tracker.Before)
                {
                    pairs.TryGetValue(id, out var pair);
                    pairs[id] = (pair.Before ?? earlier, pair.After);
                }
            }

            foreach (var id in pairs.Keys.ToArray())
            {
                Finding? now = null;
                foreach (var partition in _touched)
                {
                    if (partition.Tracker.ById.TryGetValue(id, out var found))
                    {
                        now = found;
                        break;
                    }
                }

                pairs[id] = (pairs[id].Before, now);
            }

            foreach (var partition in _touched)
            {
                partition.Tracker.ClearJournal();
            }
        }

        _touched.Clear();
        return Result(pairs.Values);
    }

    /// <summary>The current findings, in no particular order.</summary>
    public List<Finding> Findings()
    {
        var findings = new List<Finding>();
        foreach (var partition in Partitions())
        {
            findings.AddRange(partition.Tracker.ById.Values);
        }

        return findings;
    }

    /// <summary>The full report of the current findings, as an evaluation of the equivalent snapshot gives it.</summary>
    public EvaluationReport Report(bool partialResultsAllowed)
    {
        var part = ReportBuilder.SortPart(Findings());
        var parts = new[] { part };
        var findings = ReportBuilder.Merge(parts);
        int evaluated = 0;
        var needing = new int[4];
        var overdue = false;
        foreach (var entry in _offenders.Values)
        {
            if (entry.Fact is { } fact)
            {
                evaluated++;
                if (fact.NeedsVisits)
                {
                    needing[(int)fact.RiskLevel]++;
                    overdue |= VisitSchedule.IsOverdue(fact.DaysOverdue);
                }
            }
        }

        var fired = new HashSet<string>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            fired.Add(finding.Rule);
        }

        if (overdue && _rules.Catalogue.Any(static r => r.Name == RuleNames.VisitOverdue))
        {
            fired.Add(RuleNames.VisitOverdue);
        }

        return new EvaluationReport
        {
            IsEvaluated = true,
            PartialResultsAllowed = partialResultsAllowed,
            AsOf = AsOf,
            PolicyVersion = _policy.Version,
            Summary = ReportBuilder.Summarise(parts, findings, _offenders.Count, evaluated, 0, _offenders.Count - evaluated, needing),
            Findings = findings,
            Problems = [],
            FiredRules = fired,
        };
    }

    /// <summary>
    /// Puts an offender where its record says, as of the monitor's date: recomputes its aggregates and refreshes its fact
    /// (inserted, updated, moved to another team's session or retracted), moves it between managers, and adjusts the
    /// caseloads that count it. With <paramref name="present"/> false the offender leaves every session and manager.
    /// </summary>
    private void Place(OffenderEntry entry, ManagerEntry? manager, bool present)
    {
        var from = entry.Partition;
        var fact = entry.Fact;
        var registered = present && entry.Record.RegisteredOn <= AsOf;
        var to = registered ? PartitionFor(manager) : null;
        if (from is not null && from != to)
        {
            Touch(from);
            from.Session.Retract(fact!);
        }

        if (!ReferenceEquals(entry.Manager, manager) || !present)
        {
            entry.Manager?.Offenders.Remove(entry);
            entry.Manager = present ? manager : null;
            entry.Manager?.Offenders.Add(entry);
        }

        if (to is not null)
        {
            var (last, noAccess, briefing) = Aggregates(entry);
            fact ??= new OffenderCase(entry.Record, manager?.Fact, AsOf, _policy);
            OffenderInputs.Refresh(fact, entry.Record, manager?.Fact, last, noAccess, briefing, AsOf, _policy);
            Touch(to);
            if (from == to)
            {
                to.Session.Update(fact);
            }
            else
            {
                to.Session.Insert(fact);
            }

            entry.Fact = fact;
        }
        else
        {
            entry.Fact = null;
        }

        entry.Partition = to;
        var counted = registered && manager is not null && CaseloadMembership.Counts(entry.Record.InCustody) ? manager : null;
        if (!ReferenceEquals(entry.Counted, counted))
        {
            var was = entry.Counted;
            entry.Counted = counted;
            if (was is not null)
            {
                AdjustCaseload(was, -1);
            }

            if (counted is not null)
            {
                AdjustCaseload(counted, +1);
            }
        }
    }

    /// <summary>
    /// Changes a manager's caseload and its team's. When the manager is or was critical, each of its overdue offenders is
    /// updated too: whether and why their overdue visits go to the supervisor depends on the manager's caseload.
    /// </summary>
    private void AdjustCaseload(ManagerEntry manager, int delta)
    {
        var fact = manager.Fact;
        var wasCritical = fact.IsCaseloadCritical;
        fact.Caseload += delta;
        fact.IsCaseloadCritical = CaseloadMembership.IsCritical(fact.Caseload, _policy.Caseload.Critical);
        var partition = PartitionFor(manager);
        Touch(partition);
        partition.Session.Update(fact);
        if (partition.Team is { } team)
        {
            team.Caseload += delta;
            partition.Session.Update(team);
        }

        if (wasCritical || fact.IsCaseloadCritical)
        {
            // Only visits the detective inspector's conditions do not already hold for: theirs neither move nor cite the caseload.
            foreach (var offender in manager.Offenders)
            {
                if (offender.Fact is { NeedsVisits: true } overdue && VisitSchedule.IsOverdue(overdue.DaysOverdue) && offender.Partition == partition
                    && !EscalationLadder.AnyHolds(EscalationLadder.DetectiveInspector, new OverdueVisit(overdue, RuleNames.VisitOverdue)))
                {
                    partition.Session.Update(overdue);
                }
            }
        }
    }

    /// <summary>The latest completed visit, the no-access visits after it and the latest briefing to the current neighbourhood, as of the monitor's date (as <see cref="RecordAggregates"/> computes them).</summary>
    private (DateOnly? LastCompleted, int NoAccess, DateOnly? LatestBriefing) Aggregates(OffenderEntry entry)
    {
        DateOnly? last = null;
        foreach (var visit in entry.Visits)
        {
            if (visit.Outcome == VisitOutcome.Completed && visit.Date <= AsOf && !(last >= visit.Date))
            {
                last = visit.Date;
            }
        }

        var noAccess = 0;
        foreach (var visit in entry.Visits)
        {
            if (visit.Outcome == VisitOutcome.NoAccess && visit.Date <= AsOf && !(last >= visit.Date))
            {
                noAccess++;
            }
        }

        DateOnly? briefed = null;
        var neighbourhood = entry.Record.NeighbourhoodId;
        foreach (var briefing in entry.Briefings)
        {
            if (briefing.Date <= AsOf && !(briefed >= briefing.Date) && string.Equals(briefing.NeighbourhoodId, neighbourhood, StringComparison.Ordinal))
            {
                briefed = briefing.Date;
            }
        }

        return (last, noAccess, briefed);
    }

    /// <summary>(Re)builds every fact and session from the records, as of <see cref="AsOf"/>; the sessions fill in parallel.</summary>
    private void Build()
    {
        _touched.Clear();
        _partitions = new Dictionary<string, MonitorPartition>(StringComparer.Ordinal);
        _noTeam = MonitorPartition.Create(_rules.Factory, null, null);
        foreach (var teamId in _listedTeams ?? _managers.Values.Select(static m => m.Record.TeamId).OfType<string>().Distinct(StringComparer.Ordinal).ToList())
        {
            _partitions[teamId] = MonitorPartition.Create(_rules.Factory, teamId, new TeamCase(teamId, AsOf, _policy));
        }

        foreach (var manager in _managers.Values)
        {
            manager.Fact = new ManagerCase(manager.Record.Id, manager.Record.TeamId, AsOf, _policy);
            PartitionFor(manager).Pending.Add(manager.Fact);
        }

        // The offender facts in parallel chunks (aggregates and the policy's dates), then placed and counted in order.
        var entries = _offenders.Values.ToArray();
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, entries.Length, Math.Max(1024, entries.Length / (4 * _maxDegreeOfParallelism) + 1)),
            new ParallelOptions { MaxDegreeOfParallelism = _maxDegreeOfParallelism },
            range =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var entry = entries[i];
                    entry.Fact = null;
                    if (entry.Record.RegisteredOn <= AsOf)
                    {
                        var (last, noAccess, briefing) = Aggregates(entry);
                        var fact = new OffenderCase(entry.Record, entry.Manager?.Fact, AsOf, _policy);
                        OffenderInputs.Refresh(fact, entry.Record, entry.Manager?.Fact, last, noAccess, briefing, AsOf, _policy);
                        entry.Fact = fact;
                    }
                }
            });

        foreach (var entry in entries)
        {
            entry.Partition = null;
            entry.Counted = null;
            if (entry.Fact is null)
            {
                continue;
            }

            var manager = entry.Manager;
            entry.Partition = PartitionFor(manager);
            entry.Partition.Pending.Add(entry.Fact);
            if (manager is not null && CaseloadMembership.Counts(entry.Record.InCustody))
            {
                entry.Counted = manager;
                manager.Fact.Caseload++;
            }
        }

        foreach (var manager in _managers.Values)
        {
            manager.Fact.IsCaseloadCritical = CaseloadMembership.IsCritical(manager.Fact.Caseload, _policy.Caseload.Critical);
            if (PartitionFor(manager).Team is { } team)
            {
                team.Caseload += manager.Fact.Caseload;
            }
        }

        Parallel.ForEach(Partitions().ToList(), new ParallelOptions { MaxDegreeOfParallelism = _maxDegreeOfParallelism }, static p => p.Fill());
    }

    private IEnumerable<MonitorPartition> Partitions()
    {
        yield return _noTeam;
        foreach (var partition in _partitions.Values)
        {
            yield return partition;
        }
    }

    private Dictionary<string, Finding> AllFindings()
    {
        var all = new Dictionary<string, Finding>(StringComparer.Ordinal);
        foreach (var partition in Partitions())
        {
            foreach (var (id, finding) in partition.Tracker.ById)
            {
                all[id] = finding;
            }
        }

        return all;
    }

    private ManagerEntry? ManagerNamed(string? managerId) => managerId is null ? null : _managers[managerId];

    /// <summary>The partition of a manager's team (created, filled, when a manager first names a team of a snapshot without a teams list).</summary>
    private MonitorPartition PartitionFor(ManagerEntry? manager)
    {
        if (manager?.Record.TeamId is not { } teamId)
        {
            return _noTeam;
        }

        if (!_partitions.TryGetValue(teamId, out var partition))
        {
            partition = MonitorPartition.Create(_rules.Factory, teamId, new TeamCase(teamId, AsOf, _policy));
            partition.Fill();
            _partitions[teamId] = partition;
        }

        return partition;
    }

    private void Touch(MonitorPartition partition) => _touched.Add(partition);

    private MonitorResult Result(IEnumerable<(Finding? Before, Finding? After)> pairs)
    {
        var current = new List<(Finding Finding, ChangeKind Change)>();
        var cleared = new List<Finding>();
        foreach (var (before, after) in pairs)
        {
            if (after is null)
            {
                if (before is not null)
                {
                    cleared.Add(before);
                }
            }
            else if (before is null)
            {
                current.Add((after, ChangeKind.Raised));
            }
            else if (FindingChanges.Change(before, after) is var change and not ChangeKind.Unchanged)
            {
                current.Add((after, change));
            }
        }

        current.Sort(static (a, b) => FindingOrder.Instance.Compare(a.Finding, b.Finding));
        cleared.Sort(FindingOrder.Instance);
        return new MonitorResult(
            AsOf,
            [],
            current.Select(static c => c.Finding).ToArray(),
            current.Select(static c => c.Change).ToArray(),
            cleared);
    }
}
