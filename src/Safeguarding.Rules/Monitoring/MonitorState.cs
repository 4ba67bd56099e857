using System.Runtime.InteropServices;
using Safeguarding.Rules.Caseload;
using Safeguarding.Rules.Changes;
using Safeguarding.Rules.ChildProtection;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Escalation;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Findings;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Validation;
using Safeguarding.Rules.Visits;

namespace Safeguarding.Rules.Monitoring;

/// <summary>
/// The records a monitor keeps and the long-lived sessions over them, one per team (and one for offenders and managers
/// with no team). Every offender change goes through <see cref="Place"/>, the one place that recomputes an offender's
/// aggregates, refreshes its fact, moves it between sessions and keeps the caseloads of its managers and teams (and
/// the escalation of a critical manager's overdue visits) current. The child-protection records (contract section 6) are
/// independent facts in a session of their own; overrides (section 8) are applied to the findings as they are read, never
/// to the facts, so that everything is first computed as if there were none. Not thread-safe: the monitor serialises access.
/// </summary>
internal sealed class MonitorState
{
    private readonly CompiledRules _rules;

    /// <summary>Whether an offender fact can match a rule (<see cref="MatchFilter"/>); <see langword="null"/> when every one must be in its session.</summary>
    private readonly Func<object, bool>? _offenderMayMatch;

    /// <summary>How a new day leaves out of the sessions the offender facts whose matches it cannot change; <see langword="null"/> with host rules.</summary>
    private readonly SteadyOffenders? _steady;
    private readonly PolicyView _policy;
    private readonly int _maxDegreeOfParallelism;

    /// <summary>Each monitored offender's position in <see cref="_slots"/>, by id.</summary>
    private readonly Dictionary<string, int> _offenders;

    /// <summary>The positions of <see cref="_slots"/> a removed offender left, for the next offender added.</summary>
    private readonly Stack<int> _freeSlots = new();
    private readonly Dictionary<string, ManagerEntry> _managers;

    /// <summary>Each manager by the number slots name it by (<see cref="ManagerEntry.Number"/>); 0 and a removed manager's number hold <see langword="null"/>.</summary>
    private readonly List<ManagerEntry?> _managerNumbers = [null];

    /// <summary>Each team's partition and the no-team partition by the number slots name it by (<see cref="MonitorPartition.Number"/>); 0 holds <see langword="null"/>.</summary>
    private readonly List<MonitorPartition?> _partitionNumbers = [null];
    private readonly List<string>? _listedTeams;
    private readonly HashSet<MonitorPartition> _touched = [];

    /// <summary>The sessions of <see cref="_touched"/>, each once (teams may share one).</summary>
    private readonly HashSet<MonitorSession> _touchedSessions = [];

    /// <summary>How many offender facts a load packs into one session, at most (but for a team with more): the engine's partition size.</summary>
    private readonly int _partitionSize;
    private readonly Dictionary<string, ChildProtectionEntry> _discussions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChildProtectionEntry> _detentions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChildProtectionEntry> _protections = new(StringComparer.Ordinal);
    private readonly List<RejectedArrayRecord> _rejected;
    private readonly HashSet<(string Array, string Id)> _rejectedIds = [];
    private readonly List<Override> _overrides = [];
    private readonly Dictionary<string, Override> _overrideById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Override>> _overridesByFinding = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OverrideSuppression.Named> _overrideBefore = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<InputProblem> _loadProblems;
    private Dictionary<string, MonitorPartition> _partitions = new(StringComparer.Ordinal);
    private MonitorPartition _noTeam = null!;
    private MonitorPartition _childProtection = null!;

    /// <summary>The sessions of the teams, each once: a load packs whole teams into them; a team first named later has one of its own.</summary>
    private List<MonitorSession> _teamSessions = [];
    private Dictionary<FindingKey, (Finding? Reported, SuppressedFinding? Suppressed)>? _beforeRebuild;

    /// <summary>An offender fact in no session, to make the next one from (an offender whose fact cannot match a rule has none kept).</summary>
    private OffenderCase? _spare;

    /// <summary>
    /// Every monitored offender's state, one struct each (not an object each: fewer long-lived objects for a load to
    /// allocate and the garbage collector to copy), addressed by position; a loaded monitor's offenders are at 0 to
    /// n - 1 in snapshot order. The first <see cref="_slotCount"/> are in use, but for those on <see cref="_freeSlots"/>
    /// (cleared), and the array doubles when full. A slot is changed only through a reference to its element
    /// (<c>ref var entry = ref _slots[position]</c>, never a copy), and such a reference is not held across an offender's
    /// addition, which may put the slots in a new array.
    /// </summary>
    private OffenderSlot[] _slots = [];

    /// <summary>
    /// Each slot's offender fact while it is in its partition's session, at the slot's position (as long as <see cref="_slots"/>):
    /// only a fact that can match a rule is (<see cref="MatchFilter"/>), as in a full evaluation; most offenders have none
    /// kept. Apart from the slots so that the slots refer to no object a load makes (see <see cref="OffenderSlot"/>): the
    /// collector scans this smaller array's marked stretches instead.
    /// </summary>
    private OffenderCase?[] _facts = [];

    /// <summary>How many of <see cref="_slots"/> have been used (in use, or free on <see cref="_freeSlots"/>).</summary>
    private int _slotCount;

    private MonitorState(CompiledRules rules, PolicyView policy, int maxDegreeOfParallelism, int partitionSize, DateOnly asOf, DateTimeOffset instant, List<string>? listedTeams, List<RejectedArrayRecord> rejected, IReadOnlyList<InputProblem> loadProblems, int offenders, int managers)
    {
        _rules = rules;
        _offenders = new Dictionary<string, int>(offenders, StringComparer.Ordinal);
        _managers = new Dictionary<string, ManagerEntry>(managers, StringComparer.Ordinal);
        _offenderMayMatch = rules.Filter.For(typeof(OffenderCase));
        _steady = SteadyOffenders.For(rules);
        _policy = policy;
        _maxDegreeOfParallelism = maxDegreeOfParallelism;
        _partitionSize = partitionSize;
        AsOf = asOf;
        Instant = instant;
        _listedTeams = listedTeams;
        ListedTeams = listedTeams?.Select(static id => new Team { Id = id }).ToList();
        _rejected = rejected;
        _loadProblems = loadProblems;
        foreach (var record in rejected)
        {
            if (record.Id is { } id)
            {
                _rejectedIds.Add((record.Array, id));
            }
        }
    }

    public DateOnly AsOf { get; private set; }

    /// <summary>The as-of instant T (contract section 6): the snapshot's <c>extractedAt</c> when loaded without a date, else the end of <see cref="AsOf"/>; a new day moves it to the end of that day.</summary>
    public DateTimeOffset Instant { get; private set; }

    public PolicyView Policy => _policy;

    /// <summary>The teams the snapshot listed, or <see langword="null"/> when it listed none (then a record may name any team).</summary>
    public IReadOnlyList<Team>? ListedTeams { get; }

    /// <summary>
    /// Loads a validated snapshot: its records, then every session. It has no problems, or (partial results allowed)
    /// problems in child-protection records only, whose rejected records become <c>DataQuality</c> findings.
    /// <paramref name="cancellationToken"/> is checked before the load, once the offender slots are made and between the
    /// sessions as they are filled; a cancelled load throws <see cref="OperationCanceledException"/> once the work it
    /// started on other threads has finished, and the state it was building is dropped.
    /// </summary>
    public static MonitorState Load(CompiledRules rules, PolicyView policy, int maxDegreeOfParallelism, int partitionSize, ValidatedSnapshot validated, DateOnly asOf, DateTimeOffset instant, RecordOwners owners, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var snapshot = validated.Snapshot;
        var listed = snapshot.Teams?.Select(static t => t.Id).Distinct(StringComparer.Ordinal).ToList();
        var records = validated.ChildProtection;
        var state = new MonitorState(rules, policy, maxDegreeOfParallelism, partitionSize, asOf, instant, listed, [.. records.Rejected], validated.Problems, snapshot.Offenders.Count, snapshot.Managers.Count);
        // The id index reads only the offender records: with a second core it is made meanwhile, from the start.
        var offenders = snapshot.Offenders;
        var indexed = maxDegreeOfParallelism > 1 ? Task.Run(() => state.Index(offenders), CancellationToken.None) : null;
        if (indexed is null)
        {
            state.Index(offenders);
        }

        state._discussions.EnsureCapacity(records.Discussions.Count);
        state._detentions.EnsureCapacity(records.Detentions.Count);
        state._protections.EnsureCapacity(records.Protections.Count);
        // The records as given, their lists copied into one array of every discussion's actions and one of every
        // detention's interviews (ChildProtectionEntry).
        var actions = new StrategyAction[records.Discussions.Sum(static d => d.Actions.Count)];
        var interviews = new Interview[records.Detentions.Sum(static d => d.Interviews.Count)];
        int nextAction = 0, nextInterview = 0;
        foreach (var discussion in records.Discussions)
        {
            state._discussions.Add(discussion.Id, ChildProtectionEntry.Of(discussion, discussion.Actions, actions, ref nextAction));
        }

        foreach (var detention in records.Detentions)
        {
            state._detentions.Add(detention.Id, ChildProtectionEntry.Of(detention, detention.Interviews, interviews, ref nextInterview));
        }

        foreach (var protection in records.Protections)
        {
            state._protections.Add(protection.Id, ChildProtectionEntry.Of(protection));
        }

        foreach (var entry in validated.ValidOverrides)
        {
            state.AddOverride(entry);
        }

        state._overrideBefore.Clear();

        // The child-protection session depends on no offender or manager: with a second core it is made while the offender
        // slots are.
        var childProtection = maxDegreeOfParallelism > 1 ? Task.Run(state.FilledChildProtectionPartition, CancellationToken.None) : null;
        // Each offender's manager by the position the validator resolved (a valid offender names a valid manager or none);
        // each manager's list of offenders is made the size it will be.
        var managerOf = validated.OffenderManager;
        var held = new int[snapshot.Managers.Count];
        foreach (var position in managerOf)
        {
            if (position >= 0)
            {
                held[position]++;
            }
        }

        var managers = new ManagerEntry[snapshot.Managers.Count];
        for (var m = 0; m < managers.Length; m++)
        {
            var manager = snapshot.Managers[m];
            state._managers.Add(manager.Id, managers[m] = state.NewManager(manager, null!, held[m]));
        }

        // Each offender's visits and briefings as slices of one array of each, grouped by offender in snapshot order (a
        // counting sort), by the offender positions the validator resolved (owners). Then each slot is made in one pass
        // over the array, which is new and so already holds empty slots: only what differs is written.
        var visits = GroupedByOwner(snapshot.Visits, owners.VisitOwners(snapshot.Visits.Count), offenders.Count, out var visitStarts);
        var briefings = GroupedByOwner(snapshot.Briefings, owners.BriefingOwners(snapshot.Briefings.Count), offenders.Count, out var briefingStarts);
        var slots = state._slots = new OffenderSlot[offenders.Count];
        state._facts = new OffenderCase?[slots.Length];
        state._slotCount = slots.Length;
        for (var i = 0; i < slots.Length; i++)
        {
            ref var entry = ref slots[i];
            entry.Record = offenders[i];
            entry.ShareVisits(visits, visitStarts[i], visitStarts[i + 1] - visitStarts[i]);
            entry.ShareBriefings(briefings, briefingStarts[i], briefingStarts[i + 1] - briefingStarts[i]);
            var manager = managerOf[i] >= 0 ? managers[managerOf[i]] : offenders[i].ManagerId is { } managerId ? state._managers[managerId] : null;
            if (manager is not null)
            {
                entry.Manager = manager.Number;
                manager.Add(slots, i);
            }
        }

        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            state.Build(childProtection, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // No work of this load outlives it: the tasks still under way are let finish (their outcome no longer
            // matters) before the cancellation is thrown, and the state is dropped with them.
            Settle(childProtection);
            Settle(indexed);
            throw;
        }

        indexed?.GetAwaiter().GetResult();
        return state;
    }

    /// <summary>Waits for <paramref name="task"/> (of a cancelled load) to finish, whatever its outcome, which is observed and dropped.</summary>
    private static void Settle(Task? task)
    {
        if (task is null)
        {
            return;
        }

        ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
        _ = task.Exception;
    }

    /// <summary>
    /// <paramref name="records"/> grouped by their owners' positions (<paramref name="owners"/>, one per record), each
    /// owner's in their order; owner <c>i</c>'s are from <c>starts[i]</c> to <c>starts[i + 1]</c>.
    /// </summary>
    private static T[] GroupedByOwner<T>(IReadOnlyList<T> records, int[] owners, int ownerCount, out int[] starts)
    {
        starts = new int[ownerCount + 1];
        foreach (var owner in owners)
        {
            starts[owner + 1]++;
        }

        for (var i = 0; i < ownerCount; i++)
        {
            starts[i + 1] += starts[i];
        }

        // Each record goes to its owner's next place; that moves each owner's start to the next owner's, so the starts are
        // shifted back by one place afterwards (rather than placing through a copy of them). Read as a span (a list as read
        // and as generated is a List or an array; any other is copied once) and stored through one, which has no
        // covariance check per store as an array of a reference type has: 500,000 records at 100,000 offenders.
        var grouped = new T[owners.Length];
        Span<T> into = grouped;
        ReadOnlySpan<T> from = records switch
        {
            T[] array => array,
            List<T> list => CollectionsMarshal.AsSpan(list),
            _ => records.ToArray(),
        };
        for (var r = 0; r < from.Length; r++)
        {
            into[starts[owners[r]]++] = from[r];
        }

        for (var i = ownerCount; i > 0; i--)
        {
            starts[i] = starts[i - 1];
        }

        starts[0] = 0;
        return grouped;
    }

    /// <summary>Indexes the loaded offenders (<paramref name="offenders"/>, whose slots are at 0 to n - 1) by id, in snapshot order.</summary>
    private void Index(IReadOnlyList<Offender> offenders)
    {
        for (var i = 0; i < offenders.Count; i++)
        {
            _offenders.Add(offenders[i].Id, i);
        }
    }

    /// <summary>A slot for a new offender's <paramref name="record"/>: one a removed offender left, else the next (doubling the array when full). Returns its position.</summary>
    private int NewSlot(Offender record)
    {
        if (!_freeSlots.TryPop(out var position))
        {
            if (_slotCount == _slots.Length)
            {
                Array.Resize(ref _slots, Math.Max(4, 2 * _slots.Length));
                Array.Resize(ref _facts, _slots.Length);
            }

            position = _slotCount++;
        }

        _slots[position] = new OffenderSlot(record);
        return position;
    }

    public bool HasOffender(string id) => _offenders.ContainsKey(id);

    public bool HasManager(string id) => _managers.ContainsKey(id);

    /// <summary>How many offender records name the manager.</summary>
    public int OffendersOf(string managerId) => _managers[managerId].Offenders.Count;

    public bool HasOverride(string id) => _overrideById.ContainsKey(id);

    /// <summary>Whether a record of the child-protection array with this id was rejected when the snapshot was loaded.</summary>
    public bool IsRejectedId(string array, string id) => _rejectedIds.Contains((array, id));

    /// <summary>Whether a manager may name the team: any team when the snapshot listed none, else a listed one.</summary>
    public bool AcceptsTeam(string teamId) => _listedTeams is null || _listedTeams.Contains(teamId, StringComparer.Ordinal);

    public void AddOffender(Offender offender)
    {
        var position = NewSlot(offender);
        _offenders.Add(offender.Id, position);
        Place(position, ManagerNamed(offender.ManagerId), present: true);
    }

    public void UpdateOffender(Offender offender)
    {
        var position = _offenders[offender.Id];
        _slots[position].Record = offender;
        Place(position, ManagerNamed(offender.ManagerId), present: true);
    }

    public void ReassignOffender(string offenderId, string? managerId)
    {
        var position = _offenders[offenderId];
        ref var entry = ref _slots[position];
        entry.Record = entry.Record with { ManagerId = managerId };
        Place(position, ManagerNamed(managerId), present: true);
    }

    public void RemoveOffender(string offenderId)
    {
        var position = _offenders[offenderId];
        Place(position, null, present: false);
        _offenders.Remove(offenderId);

        // The slot is cleared (it holds no record, fact or manager of the removed offender) and reused by the next offender added.
        _slots[position] = default;
        _facts[position] = null;
        _freeSlots.Push(position);
    }

    public void RecordVisit(Visit visit)
    {
        var position = _offenders[visit.OffenderId];
        ref var entry = ref _slots[position];
        entry.AddVisit(visit);
        if (entry.Partition != 0 && visit.Date <= AsOf && visit.Outcome != VisitOutcome.Cancelled)
        {
            Place(position, ManagerOf(entry), present: true);
        }
    }

    public void RecordBriefing(Briefing briefing)
    {
        var position = _offenders[briefing.OffenderId];
        ref var entry = ref _slots[position];
        entry.AddBriefing(briefing);
        if (entry.Partition != 0 && briefing.Date <= AsOf && string.Equals(briefing.NeighbourhoodId, entry.Record.NeighbourhoodId, StringComparison.Ordinal))
        {
            Place(position, ManagerOf(entry), present: true);
        }
    }

    public void AddManager(Manager manager)
    {
        var entry = NewManager(manager, new ManagerCase(manager.Id, manager.TeamId, AsOf, _policy), 0);
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
        var moving = manager.Offenders.Where(o => _slots[o].Partition != 0).ToList();
        var overdue = moving.Count(o => _slots[o].Overdue);
        var left = new OffenderCase?[moving.Count];
        for (var i = 0; i < moving.Count; i++)
        {
            left[i] = Leave(moving[i], from);
        }

        from.Session.Retract(manager.Fact);
        from.Caseload -= manager.Fact.Caseload;
        from.OverdueVisits -= overdue;
        manager.Record = manager.Record with { TeamId = teamId };
        manager.Fact.TeamId = teamId;
        var to = PartitionFor(manager);
        Touch(to);
        to.Session.Insert(manager.Fact);
        to.Caseload += manager.Fact.Caseload;
        to.OverdueVisits += overdue;
        for (var i = 0; i < moving.Count; i++)
        {
            // A fact that was in the old session goes into the new one as it is; an offender with none is tested afresh (in its new team).
            ref var offender = ref _slots[moving[i]];
            offender.Partition = to.Number;
            Sync(moving[i], to, left[i] ?? Refreshed(ref offender, null));
        }
    }

    public void RemoveManager(string managerId)
    {
        var manager = _managers[managerId];
        var partition = PartitionFor(manager);
        Touch(partition);
        partition.Session.Retract(manager.Fact);
        _managers.Remove(managerId);
        _managerNumbers[manager.Number] = null;
    }

    public void RecordDiscussion(StrategyDiscussion discussion) => Upsert(_discussions, discussion.Id, discussion);

    public void RecordDetention(Detention detention) => Upsert(_detentions, detention.Id, detention);

    public void RecordProtection(PoliceProtection protection) => Upsert(_protections, protection.Id, protection);

    /// <summary>Adds an override after every other in snapshot order; the findings it names are read with it from now on.</summary>
    public void AddOverride(Override entry)
    {
        _overrideBefore.TryAdd(entry.FindingId, NamedFor(entry.FindingId));
        _overrides.Add(entry);
        _overrideById.Add(entry.Id, entry);
        if (!_overridesByFinding.TryGetValue(entry.FindingId, out var named))
        {
            _overridesByFinding[entry.FindingId] = named = [];
        }

        named.Add(entry);
    }

    public void RemoveOverride(string id)
    {
        var entry = _overrideById[id];
        _overrideBefore.TryAdd(entry.FindingId, NamedFor(entry.FindingId));
        _overrides.Remove(entry);
        _overrideById.Remove(id);
        var named = _overridesByFinding[entry.FindingId];
        named.Remove(entry);
        if (named.Count == 0)
        {
            _overridesByFinding.Remove(entry.FindingId);
        }
    }

    /// <summary>
    /// A new as-of date changes nearly every fact: every fact is brought to the date in its session (<see cref="NewDay"/>),
    /// and the change is read from the findings before and after. A new day moves the as-of instant to the end of that day
    /// (as a full evaluation given the date has it); the same date keeps it.
    /// </summary>
    public void AdvanceAsOf(DateOnly asOf)
    {
        _beforeRebuild = ReportedFindings();
        if (asOf != AsOf)
        {
            AsOf = asOf;
            Instant = AsOfInstant.EndOf(asOf);
        }

        NewDay();
    }

    /// <summary>
    /// Fires every session the change touched and reads off what the change did to the findings as reported: each touched
    /// id's finding before and after, with the overrides in effect before and after applied to it (contract section 8).
    /// </summary>
    public MonitorResult Finish()
    {
        var pairs = new List<(Finding? Before, Finding? After)>();
        var suppressed = new List<SuppressedFinding>();
        if (_beforeRebuild is { } before)
        {
            _beforeRebuild = null;
            var after = ReportedFindings();
            foreach (var (key, was) in before)
            {
                // The same finding object before and after (one a new day did not raise again, with its overrides as they were) is unchanged.
                var now = after.GetValueOrDefault(key).Reported;
                if (!ReferenceEquals(was.Reported, now))
                {
                    pairs.Add((was.Reported, now));
                }
            }

            foreach (var (key, now) in after)
            {
                var had = before.TryGetValue(key, out var was);
                if (!had)
                {
                    pairs.Add((null, now.Reported));
                }

                if (now.Suppressed is { } hidden && !Equals(was.Suppressed, hidden))
                {
                    suppressed.Add(hidden);
                }
            }
        }
        else
        {
            foreach (var partition in _touched)
            {
                partition.Session.Fire();
                SyncTeam(partition);
            }

            // Keyed by a finding with the id, compared as ids are (FindingKey): an id is written out only when the overrides need it.
            var raw = new Dictionary<FindingKey, (Finding? Before, Finding? After)>();
            foreach (var session in _touchedSessions)
            {
                foreach (var (key, earlier) in session.Tracker.Before)
                {
                    raw.TryGetValue(key, out var pair);
                    raw[key] = (pair.Before ?? earlier, null);
                }
            }

            foreach (var key in raw.Keys.ToArray())
            {
                Finding? now = null;
                foreach (var session in _touchedSessions)
                {
                    if (session.Tracker.ById.TryGetValue(key, out var found))
                    {
                        now = found.Finding;
                        break;
                    }
                }

                raw[key] = (raw[key].Before, now);
            }

            if (_overrideBefore.Count > 0)
            {
                // An override added or removed changes how its finding is reported even when the finding did not change.
                var touched = raw.Keys.Select(static key => key.Id).ToHashSet(StringComparer.Ordinal);
                foreach (var id in _overrideBefore.Keys)
                {
                    if (!touched.Contains(id) && FindRaw(id) is { } now)
                    {
                        raw[new FindingKey(now)] = (now, now);
                    }
                }
            }

            var overridden = _overrideBefore.Count > 0 || _overridesByFinding.Count > 0;
            foreach (var (key, (was, now)) in raw)
            {
                // With no override before or now, what the overrides say of every id is nothing: no id need be written out.
                var id = overridden ? key.Id : null;
                var namedBefore = id is null ? default : _overrideBefore.TryGetValue(id, out var named) ? named : NamedFor(id);
                var namedAfter = id is null ? default : NamedFor(id);
                pairs.Add((Reported(was, namedBefore), Reported(now, namedAfter)));
                if (Hidden(now, namedAfter) is { } hidden && !Equals(Hidden(was, namedBefore), hidden))
                {
                    suppressed.Add(hidden);
                }
            }

            foreach (var session in _touchedSessions)
            {
                session.Tracker.ClearJournal();
            }
        }

        _overrideBefore.Clear();
        _touched.Clear();
        _touchedSessions.Clear();
        return Result(pairs, suppressed);
    }

    /// <summary>The current findings, in no particular order.</summary>
    public List<Finding> Findings()
    {
        var findings = new List<Finding>();
        foreach (var session in Sessions())
        {
            foreach (var (finding, _) in session.Tracker.ById.Values)
            {
                findings.Add(finding);
            }
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
        foreach (var position in _offenders.Values)
        {
            ref var entry = ref _slots[position];
            if (entry.Partition != 0)
            {
                // As the offender's fact has them (OffenderInputs): visits are needed by the record's custody, management and risk.
                var record = entry.Record;
                evaluated++;
                if (VisitSchedule.NeedsVisits(record.InCustody, record.ReactiveManagement, record.RiskLevel))
                {
                    needing[(int)record.RiskLevel]++;
                    overdue |= entry.Overdue;
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

        // The outcome measures from the records (their facts are not needed), then the overrides, as a full evaluation applies them.
        ChildProtectionFacts.Build(Records(), false, AsOf, Instant, _policy, _rules.Filter, out var outcomes);
        var computed = ReportBuilder.Summarise(parts, findings, _offenders.Count, evaluated, 0, _offenders.Count - evaluated, needing, outcomes);
        var (reported, suppressed, summary) = OverrideSuppression.Apply(findings, computed, _overrides, AsOf);
        return new EvaluationReport
        {
            IsEvaluated = true,
            PartialResultsAllowed = partialResultsAllowed,
            AsOf = AsOf,
            AsOfInstant = Instant,
            PolicyVersion = _policy.Version,
            Summary = summary,
            Findings = reported,
            Suppressed = suppressed,
            Problems = _loadProblems,
            FiredRules = fired,
        };
    }

    /// <summary>
    /// A snapshot of the records as they now stand, which a full evaluation (without a date of its own) gives the current
    /// report from: the same as-of date and instant T (contract section 6), the teams as listed, then every manager, offender
    /// (each offender's visits and briefings in the order recorded), child-protection record and override held; or
    /// <see langword="null"/> when the monitor holds rejected child-protection records (partial results), which it keeps
    /// only as their <c>DataQuality</c> findings. The lists are new; the records are those given to the monitor
    /// (never changed in place: a change replaces a record), but for the child-protection records that name a list (a
    /// discussion's actions, a detention's interviews): those are new copies holding new read-only copies of the lists the
    /// monitor keeps, so nothing the caller does with them reaches the monitor.
    /// </summary>
    public CaseloadSnapshot? Snapshot()
    {
        if (_rejected.Count > 0)
        {
            return null;
        }

        var offenders = new List<Offender>(_offenders.Count);
        int visitCount = 0, briefingCount = 0;
        foreach (var position in _offenders.Values)
        {
            ref var entry = ref _slots[position];
            offenders.Add(entry.Record);
            visitCount += entry.Visits.Length;
            briefingCount += entry.Briefings.Length;
        }

        var visits = new List<Visit>(visitCount);
        var briefings = new List<Briefing>(briefingCount);
        foreach (var position in _offenders.Values)
        {
            ref var entry = ref _slots[position];
            visits.AddRange(entry.Visits);
            briefings.AddRange(entry.Briefings);
        }

        return new CaseloadSnapshot
        {
            AsOf = AsOf,
            ExtractedAt = Instant == AsOfInstant.EndOf(AsOf) ? null : Instant,
            Teams = ListedTeams is null ? null : [.. ListedTeams],
            Managers = _managers.Values.Select(static m => m.Record).ToList(),
            Offenders = offenders,
            Visits = visits,
            Briefings = briefings,
            StrategyDiscussions = [.. _discussions.Values.Select(static e => (StrategyDiscussion)e.Record with { Actions = [.. e.ItemsOf<StrategyAction>()] })],
            Detentions = [.. _detentions.Values.Select(static e => (Detention)e.Record with { Interviews = [.. e.ItemsOf<Interview>()] })],
            PoliceProtections = [.. _protections.Values.Select(static e => (PoliceProtection)e.Record)],
            Overrides = [.. _overrides],
        };
    }

    /// <summary>
    /// Puts an offender where its record says, as of the monitor's date: recomputes its aggregates and refreshes its fact
    /// (inserted, updated, moved to another team's session or retracted), moves it between managers, and adjusts the
    /// caseloads that count it. With <paramref name="present"/> false the offender leaves every session and manager.
    /// </summary>
    private void Place(int position, ManagerEntry? manager, bool present)
    {
        // The slot is changed through its element throughout: nothing here adds an offender (which may put the slots in a new array).
        ref var entry = ref _slots[position];
        var from = PartitionOf(entry);
        var fact = _facts[position];
        var registered = present && entry.Record.RegisteredOn <= AsOf;
        var to = registered ? PartitionFor(manager) : null;
        if (from is not null && entry.Overdue)
        {
            from.OverdueVisits--;
        }

        if (from is not null && from != to)
        {
            Touch(from);
            Leave(position, from);
        }

        if (!ReferenceEquals(ManagerOf(entry), manager) || !present)
        {
            ManagerOf(entry)?.Remove(_slots, position);
            var now = present ? manager : null;
            entry.Manager = now?.Number ?? 0;
            now?.Add(_slots, position);
        }

        if (to is not null)
        {
            fact = Refreshed(ref entry, fact);
            if (entry.Overdue)
            {
                to.OverdueVisits++;
            }

            Touch(to);
            Sync(position, to, fact);
        }
        else
        {
            entry.Overdue = false;
        }

        entry.Partition = to?.Number ?? 0;
        var counted = registered && manager is not null && CaseloadMembership.Counts(entry.Record.InCustody) ? manager : null;
        if (entry.Counted != (counted?.Number ?? 0))
        {
            var was = _managerNumbers[entry.Counted];
            entry.Counted = counted?.Number ?? 0;
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
    /// Changes a manager's caseload and its team's (the team fact follows when the session fires, <see cref="SyncTeam"/>).
    /// The manager fact is updated in its session only when the manager's caseload finding changes rule (none, above target,
    /// critical); while it stays the same, no condition on the fact changes, and a finding it has is refreshed to what its
    /// rule's action gives for the new caseload, without session work. When the manager becomes or stops being critical,
    /// each of its overdue offenders is updated too: whether their overdue visits go to the supervisor depends on it. When
    /// it stays critical, only the caseload its supervisor escalations cite changes: those findings are refreshed likewise.
    /// </summary>
    private void AdjustCaseload(ManagerEntry manager, int delta)
    {
        var fact = manager.Fact;
        var caseload = _policy.Caseload;
        var wasCritical = fact.IsCaseloadCritical;
        var wasAboveTarget = CaseloadMembership.IsAboveTarget(fact.Caseload, caseload.Target, caseload.Critical);
        fact.Caseload += delta;
        fact.IsCaseloadCritical = CaseloadMembership.IsCritical(fact.Caseload, caseload.Critical);
        var partition = PartitionFor(manager);
        Touch(partition);
        partition.Caseload += delta;
        if (wasCritical != fact.IsCaseloadCritical || wasAboveTarget != CaseloadMembership.IsAboveTarget(fact.Caseload, caseload.Target, caseload.Critical))
        {
            partition.Session.Update(fact);
        }
        else if (fact.IsCaseloadCritical)
        {
            partition.Tracker.Refresh(CaseloadCriticalRule.Critical(fact));
        }
        else if (wasAboveTarget)
        {
            partition.Tracker.Refresh(CaseloadAboveTargetRule.AboveTarget(fact));
        }

        if (wasCritical != fact.IsCaseloadCritical)
        {
            // Only visits the detective inspector's conditions do not already hold for: theirs neither move nor cite the caseload.
            var offenders = manager.Offenders;
            for (var i = 0; i < offenders.Count; i++)
            {
                var position = offenders[i];
                ref var offender = ref _slots[position];
                if (offender.Overdue && offender.Partition == partition.Number
                    && (_facts[position] ?? Refreshed(ref offender, null)) is var overdue
                    && !EscalationLadder.AnyHolds(EscalationLadder.DetectiveInspector, new OverdueVisit(overdue, RuleNames.VisitOverdue)))
                {
                    Sync(position, partition, overdue);
                }
            }
        }
        else if (fact.IsCaseloadCritical)
        {
            // Still critical: no escalation moves, but each visit the supervisor rule escalates cites the new caseload in its
            // reason. Its finding is what that rule's action would give now; no fact changes, so no session work is needed.
            var offenders = manager.Offenders;
            for (var i = 0; i < offenders.Count; i++)
            {
                ref var offender = ref _slots[offenders[i]];
                if (_facts[offenders[i]] is { } overdue && offender.Overdue && offender.Partition == partition.Number
                    && new OverdueVisit(overdue, RuleNames.VisitOverdue) is var visit
                    && !EscalationLadder.AnyHolds(EscalationLadder.DetectiveInspector, visit))
                {
                    partition.Tracker.Refresh(EscalateToSupervisorRule.Escalated(visit));
                }
            }
        }
    }

    /// <summary>
    /// Brings a fired team session's team fact to the team's caseload, when the difference can matter. The session's overdue
    /// visits are current (the session has fired); the backlog is checked at the caseload the session last saw and at the
    /// team's. Not holding at either, no condition on the team fact changes: its caseload is set, with no session work. Holding
    /// at both, only the caseload the finding cites changes: the finding is refreshed to what the rule's action gives. Else
    /// the team fact is updated and the session fired again, raising or clearing the backlog.
    /// </summary>
    private static void SyncTeam(MonitorPartition partition)
    {
        if (partition.Team is not { } team || team.Caseload == partition.Caseload)
        {
            return;
        }

        var held = UnitBacklogRule.Holds(partition.OverdueVisits, team);
        team.Caseload = partition.Caseload;
        var holds = UnitBacklogRule.Holds(partition.OverdueVisits, team);
        if (held && holds)
        {
            partition.Tracker.Refresh(UnitBacklogRule.Backlog(team, partition.OverdueVisits));
        }
        else if (held || holds)
        {
            partition.Session.Update(team);
            partition.Session.Fire();
        }
    }

    /// <summary>The latest completed visit, the no-access visits after it and the latest briefing to the current neighbourhood, as of the monitor's date (as <see cref="RecordAggregates"/> computes them).</summary>
    private (DateOnly? LastCompleted, int NoAccess, DateOnly? LatestBriefing) Aggregates(ref OffenderSlot entry)
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

    /// <summary>
    /// Builds every fact and session from the records, as of <see cref="AsOf"/>; the sessions fill in parallel. The
    /// child-protection session is <paramref name="childProtection"/>'s, already under way, when given.
    /// </summary>
    private void Build(Task<MonitorPartition>? childProtection, CancellationToken cancellationToken)
    {
        _touched.Clear();
        _touchedSessions.Clear();
        _partitions = new Dictionary<string, MonitorPartition>(StringComparer.Ordinal);
        _partitionNumbers.Clear();
        _partitionNumbers.Add(null);
        _noTeam = Numbered(MonitorPartition.Create(_rules.Factory, null, null));
        foreach (var teamId in _listedTeams ?? _managers.Values.Select(static m => m.Record.TeamId).OfType<string>().Distinct(StringComparer.Ordinal).ToList())
        {
            _partitions[teamId] = Numbered(MonitorPartition.Create(_rules.Factory, teamId, new TeamCase(teamId, AsOf, _policy)));
        }

        foreach (var manager in _managers.Values)
        {
            // The partitions are new: no manager's partition as last looked up is one of them.
            manager.PartitionRecord = null;
            manager.Fact = new ManagerCase(manager.Record.Id, manager.Record.TeamId, AsOf, _policy);
            PartitionFor(manager).Pending.Add(manager.Fact);
        }

        Array.Clear(_facts);

        PlaceAll(RefreshOffenderFacts(null, _slotCount, cancellationToken));
        foreach (var partition in _partitions.Values)
        {
            partition.Team!.Caseload = partition.Caseload;
        }

        _teamSessions = Packed(_partitions.Values, _partitionSize);
        cancellationToken.ThrowIfCancellationRequested();
        FillAll(childProtection, cancellationToken);
    }

    /// <summary>
    /// Packs whole teams into sessions as an evaluation packs its partitions (<c>FactBuilder</c>): the teams in ordinal
    /// order of id, each session taking teams while its offender facts (those that can match a rule, waiting in each team's
    /// own unmade session) stay within <paramref name="size"/>, a team with more having one of its own. Returns the sessions,
    /// each once. One session per team (some 200 at 100,000 offenders) made a load twice the cost of a full evaluation: every
    /// session has its own node memories and metrics, all kept for as long as the monitor lives.
    /// </summary>
    private static List<MonitorSession> Packed(IEnumerable<MonitorPartition> partitions, int size)
    {
        var sessions = new List<MonitorSession>();
        MonitorSession? current = null;
        var held = 0;
        foreach (var partition in partitions.OrderBy(static p => p.TeamId, StringComparer.Ordinal))
        {
            var own = partition.Shared;
            var offenders = own.Pending.Count(static f => f is OffenderCase);
            if (current is not null && held > 0 && held + offenders > size)
            {
                current = null;
            }

            if (current is null)
            {
                current = own;
                sessions.Add(own);
                held = offenders;
                continue;
            }

            current.Absorb(own);
            partition.Shared = current;
            held += offenders;
        }

        return sessions;
    }

    /// <summary>
    /// Brings every fact to a new as-of date in the sessions that hold it, as <see cref="Build"/> would build it: each
    /// offender fact refreshed in place (aggregates and the policy's dates as of the date) and updated, an offender
    /// registered since inserted, every caseload counted again and the manager and team facts updated; the
    /// child-protection session, whose facts are built from the records as of the date and instant, is rebuilt (on another
    /// thread, while the offender facts are brought to the date, when there is a second core). The other
    /// sessions and facts are kept, so a new day costs the updates and their firings, not a load and the garbage of the
    /// sessions it replaces (measured: benchmarks/RESULTS.md). An offender fact whose matches the day cannot change is not
    /// updated: its findings are refreshed without session work (<see cref="SteadyOffenders"/>). The sessions catch up in parallel.
    /// </summary>
    private void NewDay()
    {
        _touched.Clear();
        _touchedSessions.Clear();
        var childProtection = _maxDegreeOfParallelism > 1 ? Task.Run(FilledChildProtectionPartition) : null;
        foreach (var partition in _partitions.Values.Append(_noTeam))
        {
            partition.Caseload = 0;
            partition.OverdueVisits = 0;
        }

        var wasCritical = new HashSet<ManagerCase>();
        foreach (var manager in _managers.Values)
        {
            if (manager.Fact.IsCaseloadCritical)
            {
                wasCritical.Add(manager.Fact);
            }

            manager.Fact.AsOf = AsOf;
            manager.Fact.Caseload = 0;
            PartitionFor(manager).Changed.Add(manager.Fact);
        }

        var positions = _offenders.Values.ToArray();
        PlaceAll(RefreshOffenderFacts(positions, positions.Length));
        UnsteadyCriticalChanges(wasCritical);
        foreach (var partition in _partitions.Values)
        {
            partition.Team!.AsOf = AsOf;
            partition.Team.Caseload = partition.Caseload;
            partition.Changed.Add(partition.Team);
        }

        FillAll(childProtection);
    }

    /// <summary>
    /// Sends through their sessions the steady offender facts of each manager that became or stopped being critical on the
    /// new day (<paramref name="wasCritical"/> held the critical ones before): whether their overdue visits go to the
    /// supervisor depends on it.
    /// </summary>
    private void UnsteadyCriticalChanges(HashSet<ManagerCase> wasCritical)
    {
        var changed = new HashSet<ManagerCase>();
        foreach (var manager in _managers.Values)
        {
            if (manager.Fact.IsCaseloadCritical != wasCritical.Contains(manager.Fact))
            {
                changed.Add(manager.Fact);
            }
        }

        if (changed.Count == 0)
        {
            return;
        }

        foreach (var session in _teamSessions.Append(_noTeam.Shared))
        {
            session.Steady.RemoveAll(fact =>
            {
                var moved = fact.Manager is { } manager && changed.Contains(manager);
                if (moved)
                {
                    session.Changed.Add(fact);
                }

                return moved;
            });
        }
    }

    /// <summary>
    /// Lets every team's session and the no-team session catch up in parallel, and the child-protection session: its
    /// partition is built and filled here too when <paramref name="childProtection"/> is <see langword="null"/>, or
    /// taken from that task (under way on another thread) once the others are done. <paramref name="cancellationToken"/>
    /// (a load's; a new day has none) stops the sessions not yet filling, and the fill throws <see cref="OperationCanceledException"/>.
    /// </summary>
    private void FillAll(Task<MonitorPartition>? childProtection, CancellationToken cancellationToken = default)
    {
        var sessions = new List<MonitorSession>(_teamSessions.Count + 2) { _noTeam.Shared };
        sessions.AddRange(_teamSessions);
        if (childProtection is null)
        {
            sessions.Add((_childProtection = ChildProtectionPartition()).Shared);
        }

        Parallel.ForEach(sessions, new ParallelOptions { MaxDegreeOfParallelism = _maxDegreeOfParallelism, CancellationToken = cancellationToken }, s => s.Fill(_steady));
        if (childProtection is not null)
        {
            _childProtection = childProtection.GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// Refreshes every registered offender's fact as of <see cref="AsOf"/> in parallel chunks (aggregates and the policy's
    /// dates) and tests whether it can match a rule: the fact in its session in place, else a spare one per chunk, which is
    /// kept (as a new fact, to insert) only when it can match, as an evaluation creates its facts (<c>Partition.CreateFacts</c>).
    /// Sets whether each offender's visit is overdue, and which facts in their sessions are steady (<see cref="SteadyOffenders"/>:
    /// their matches cannot have changed, their manager's criticality aside). The offenders are the <paramref name="count"/>
    /// slots at <paramref name="positions"/> (in that order), or at 0 to <paramref name="count"/> - 1 when it is
    /// <see langword="null"/> (a load's); each iteration changes only its own slot, in place. The slots' facts are left
    /// as they are, for <see cref="PlaceAll"/>.
    /// </summary>
    private (int[]? Positions, int Count, OffenderCase?[] Facts, bool[] MayMatch, bool[] Steady) RefreshOffenderFacts(int[]? positions, int count, CancellationToken cancellationToken = default)
    {
        var facts = new OffenderCase?[count];
        var mayMatch = new bool[count];
        var steady = new bool[count];
        if (count == 0)
        {
            // No offenders (none loaded, or every one removed): there is nothing to refresh, and no range to partition.
            return (positions, count, facts, mayMatch, steady);
        }

        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, count, Math.Max(1024, count / (4 * _maxDegreeOfParallelism) + 1)),
            new ParallelOptions { MaxDegreeOfParallelism = _maxDegreeOfParallelism, CancellationToken = cancellationToken },
            range =>
            {
                OffenderCase? spare = null;
                var (slots, kept) = (_slots, _facts);
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var position = positions is null ? i : positions[i];
                    ref var entry = ref slots[position];
                    if (entry.Record.RegisteredOn > AsOf)
                    {
                        entry.Overdue = false;
                        continue;
                    }

                    var (last, noAccess, briefing) = Aggregates(ref entry);
                    var manager = ManagerOf(entry)?.Fact;
                    var held = kept[position];
                    var fact = held ?? spare ?? new OffenderCase(entry.Record, manager, AsOf, _policy);
                    var before = _steady is not null && held is not null ? SteadyOffenders.MarkOf(fact) : default(SteadyOffenders.Mark?);
                    OffenderInputs.Refresh(fact, entry.Record, manager, last, noAccess, briefing, AsOf, _policy);
                    entry.Overdue = VisitOverdueRule.Holds(fact);
                    var matches = mayMatch[i] = MayMatch(fact);
                    steady[i] = matches && before is { } mark && mark == SteadyOffenders.MarkOf(fact);
                    if (held is null)
                    {
                        spare = matches ? null : fact;
                    }

                    facts[i] = matches ? fact : held;
                }
            });
        return (positions, count, facts, mayMatch, steady);
    }

    /// <summary>
    /// Puts each refreshed offender fact in its partition's batch (a fact that can match and is not in its session to insert,
    /// one in it to update or, when it can no longer match, to retract), counts the partitions' overdue visits and the
    /// managers' and teams' caseloads (the manager facts' caseloads start at zero), and sets which managers are critical.
    /// </summary>
    private void PlaceAll((int[]? Positions, int Count, OffenderCase?[] Facts, bool[] MayMatch, bool[] Steady) offenders)
    {
        var (positions, count, facts, mayMatch, steady) = offenders;
        for (var i = 0; i < count; i++)
        {
            var position = positions is null ? i : positions[i];
            ref var entry = ref _slots[position];
            ref var held = ref _facts[position];
            entry.Counted = 0;
            if (entry.Record.RegisteredOn > AsOf)
            {
                entry.Partition = 0;
                continue;
            }

            var manager = ManagerOf(entry);
            var partition = PartitionFor(manager);
            entry.Partition = partition.Number;
            if (mayMatch[i])
            {
                if (held is null)
                {
                    partition.Pending.Add(facts[i]!);
                }
                else if (steady[i])
                {
                    partition.Steady.Add(held);
                }
                else
                {
                    partition.Changed.Add(held);
                }

                held = facts[i];
            }
            else if (held is not null)
            {
                partition.Retracted.Add(held);
                held = null;
            }

            if (entry.Overdue)
            {
                partition.OverdueVisits++;
            }

            if (manager is not null && CaseloadMembership.Counts(entry.Record.InCustody))
            {
                entry.Counted = manager.Number;
                manager.Fact.Caseload++;
            }
        }

        foreach (var manager in _managers.Values)
        {
            manager.Fact.IsCaseloadCritical = CaseloadMembership.IsCritical(manager.Fact.Caseload, _policy.Caseload.Critical);
            PartitionFor(manager).Caseload += manager.Fact.Caseload;
        }
    }

    /// <summary>
    /// A new session of the child-protection records' facts (and the rejected records'), as of the monitor's date and
    /// instant, to fill. The facts are built in one pass over every record, as an evaluation builds them (built one record at
    /// a time, they cost a tenth of a load), only those that can match a rule (<see cref="MatchFilter"/>), and handed to
    /// their records: each record's facts come out together, in the records' order, and name their record.
    /// </summary>
    private MonitorPartition ChildProtectionPartition()
    {
        var partition = MonitorPartition.Create(_rules.Factory, null, null);
        var facts = ChildProtectionFacts.Build(Records(), false, AsOf, Instant, _policy, _rules.Filter, out _);
        var next = 0;
        next = HandOut(_discussions, facts, next, partition.Pending, static fact => fact switch
        {
            StrategyDiscussionCase discussion => discussion.DiscussionId,
            StrategyActionCase action => action.DiscussionId,
            _ => null,
        });
        next = HandOut(_detentions, facts, next, partition.Pending, static fact => fact switch
        {
            DetentionCase detention => detention.DetentionId,
            InterviewCase interview => interview.DetentionId,
            _ => null,
        });
        next = HandOut(_protections, facts, next, partition.Pending, static fact => (fact as PoliceProtectionCase)?.ProtectionId);
        if (next != facts.Count)
        {
            throw new InvalidOperationException("A child-protection fact named no monitored record in order. This is a defect in Safeguarding.Rules.");
        }

        if (_rejected.Count > 0)
        {
            var rejected = ChildProtectionFacts.Build(new ChildProtectionRecords { Rejected = _rejected }, true, AsOf, Instant, _policy, _rules.Filter, out _);
            partition.Pending.AddRange(rejected);
        }

        return partition;
    }

    /// <summary>The child-protection partition, built and filled (a load starts it on another thread).</summary>
    private MonitorPartition FilledChildProtectionPartition()
    {
        var partition = ChildProtectionPartition();
        partition.Shared.Fill();
        return partition;
    }

    /// <summary>
    /// Gives each record of <paramref name="entries"/> (by id, in the order <see cref="Records"/> lists them) its facts from <paramref name="facts"/>, starting at
    /// <paramref name="next"/>: the run of facts that name it (all of them can match a rule: the facts were built through the
    /// match filter), also added to <paramref name="pending"/>. Returns where the next kind of record's facts start.
    /// </summary>
    private static int HandOut(Dictionary<string, ChildProtectionEntry> entries, List<object> facts, int next, List<object> pending, Func<object, string?> recordOf)
    {
        foreach (var (id, entry) in entries)
        {
            List<object>? kept = null;
            while (next < facts.Count && string.Equals(recordOf(facts[next]), id, StringComparison.Ordinal))
            {
                var fact = facts[next++];
                (kept ??= []).Add(fact);
                pending.Add(fact);
            }

            if (kept is null && entry.Facts.Count == 0)
            {
                // No facts before or now (most records): nothing to change.
                continue;
            }

            // In place (the entry is a struct); setting a value does not change the dictionary's version, so the enumeration goes on.
            CollectionsMarshal.GetValueRefOrNullRef(entries, id).Facts = kept ?? (IReadOnlyList<object>)[];
        }

        return next;
    }

    /// <summary>Every session, each once: the no-team session, the child-protection session, then the teams'.</summary>
    internal IEnumerable<MonitorSession> Sessions()
    {
        yield return _noTeam.Shared;
        yield return _childProtection.Shared;
        foreach (var session in _teamSessions)
        {
            yield return session;
        }
    }

    /// <summary>Every current finding by id, as reported: with the overrides applied, a suppressed one as its suppressed form.</summary>
    private Dictionary<FindingKey, (Finding? Reported, SuppressedFinding? Suppressed)> ReportedFindings()
    {
        var index = _overrides.Count == 0 ? null : OverrideSuppression.Index(_overrides, AsOf);
        var count = 0;
        foreach (var session in Sessions())
        {
            count += session.Tracker.ById.Count;
        }

        // Keyed as the trackers key them (FindingKey): ids are written out only to look up overrides.
        var all = new Dictionary<FindingKey, (Finding?, SuppressedFinding?)>(count);
        foreach (var session in Sessions())
        {
            foreach (var (key, (finding, _)) in session.Tracker.ById)
            {
                var named = index is not null && index.TryGetValue(finding.Id, out var found) ? found : default;
                all[key] = (Reported(finding, named), Hidden(finding, named));
            }
        }

        return all;
    }

    /// <summary>A finding as reported under what the overrides say of its id: none when suppressed, else with <c>overrideExpiredOn</c> when a deferral has lapsed.</summary>
    private static Finding? Reported(Finding? finding, OverrideSuppression.Named named) => finding is null || named.Active is not null
        ? null
        : named.ExpiredOn is { } expired ? finding with { OverrideExpiredOn = expired } : finding;

    /// <summary>A finding as the report's <c>suppressed</c> array holds it, when an active override suppresses it.</summary>
    private static SuppressedFinding? Hidden(Finding? finding, OverrideSuppression.Named named) =>
        finding is not null && named.Active is { } active ? new SuppressedFinding(finding, active.Id, active.Until) : null;

    /// <summary>What the overrides say of one finding id as of the monitor's date.</summary>
    private OverrideSuppression.Named NamedFor(string id) =>
        _overridesByFinding.TryGetValue(id, out var named) ? OverrideSuppression.Index(named, AsOf).GetValueOrDefault(id) : default;

    /// <summary>
    /// The current (unsuppressed, raw) finding with this id in any session (an override added or removed names its
    /// finding by id; <see cref="FindingTracker.FindById"/>).
    /// </summary>
    private Finding? FindRaw(string id)
    {
        foreach (var session in Sessions())
        {
            if (session.Tracker.FindById(id) is { } finding)
            {
                return finding;
            }
        }

        return null;
    }

    /// <summary>Puts a child-protection record (new, or replacing the monitored one with its id) into the child-protection session: its old facts out, its facts as of now in.</summary>
    private void Upsert(Dictionary<string, ChildProtectionEntry> records, string id, object record)
    {
        var owned = record switch
        {
            StrategyDiscussion discussion => ChildProtectionEntry.Of(discussion, discussion.Actions),
            Detention detention => ChildProtectionEntry.Of(detention, detention.Interviews),
            _ => ChildProtectionEntry.Of(record),
        };
        owned.Facts = FactsOf(owned);
        var session = _childProtection.Session;
        Touch(_childProtection);
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(records, id, out var existed);
        if (existed && entry.Facts.Count > 0)
        {
            session.RetractAll(entry.Facts);
        }

        entry = owned;
        if (entry.Facts.Count > 0)
        {
            session.InsertAll(entry.Facts);
        }
    }

    /// <summary>One record's facts as of the monitor's date and instant that can match a rule (<see cref="MatchFilter"/>), as a full evaluation inserts them.</summary>
    private List<object> FactsOf(in ChildProtectionEntry entry)
    {
        var facts = ChildProtectionFacts.Build(
        entry.Record switch
        {
            StrategyDiscussion discussion => new ChildProtectionRecords { Discussions = [discussion], DiscussionActions = [entry.ItemsOf<StrategyAction>()] },
            Detention detention => new ChildProtectionRecords { Detentions = [detention], DetentionInterviews = [entry.ItemsOf<Interview>()] },
            PoliceProtection protection => new ChildProtectionRecords { Protections = [protection] },
            _ => throw new ArgumentOutOfRangeException(nameof(entry), entry.Record.GetType().Name, "not a child-protection record"),
        },
        false,
        AsOf,
        Instant,
        _policy,
        _rules.Filter,
        out _);
        return facts;
    }

    /// <summary>The monitored child-protection records (valid ones; the rejected are fixed facts), each with its list as the monitor holds it.</summary>
    private ChildProtectionRecords Records()
    {
        var discussions = new List<StrategyDiscussion>(_discussions.Count);
        var actions = new List<ArraySegment<StrategyAction>>(_discussions.Count);
        foreach (var entry in _discussions.Values)
        {
            discussions.Add((StrategyDiscussion)entry.Record);
            actions.Add(entry.ItemsOf<StrategyAction>());
        }

        var detentions = new List<Detention>(_detentions.Count);
        var interviews = new List<ArraySegment<Interview>>(_detentions.Count);
        foreach (var entry in _detentions.Values)
        {
            detentions.Add((Detention)entry.Record);
            interviews.Add(entry.ItemsOf<Interview>());
        }

        return new()
        {
            Discussions = discussions,
            DiscussionActions = actions,
            Detentions = detentions,
            DetentionInterviews = interviews,
            Protections = _protections.Values.Select(static e => (PoliceProtection)e.Record).ToList(),
        };
    }

    private ManagerEntry? ManagerNamed(string? managerId) => managerId is null ? null : _managers[managerId];

    /// <summary>The manager an offender's record names, or <see langword="null"/> when unallocated.</summary>
    private ManagerEntry? ManagerOf(in OffenderSlot entry) => _managerNumbers[entry.Manager];

    /// <summary>The partition an offender is evaluated in, or <see langword="null"/> while it is not (not registered by the date, or removed).</summary>
    private MonitorPartition? PartitionOf(in OffenderSlot entry) => _partitionNumbers[entry.Partition];

    /// <summary>A new manager entry, with the next number (numbers are not reused).</summary>
    private ManagerEntry NewManager(Manager record, ManagerCase fact, int offenders)
    {
        var entry = new ManagerEntry(_managerNumbers.Count, record, fact, offenders);
        _managerNumbers.Add(entry);
        return entry;
    }

    /// <summary>Gives a new team's or the no-team partition the next number, so that slots can name it.</summary>
    private MonitorPartition Numbered(MonitorPartition partition)
    {
        partition.Number = _partitionNumbers.Count;
        _partitionNumbers.Add(partition);
        return partition;
    }

    /// <summary>The partition of a manager's team (created, filled, when a manager first names a team of a snapshot without a teams list).</summary>
    private MonitorPartition PartitionFor(ManagerEntry? manager)
    {
        if (manager?.Record.TeamId is not { } teamId)
        {
            return _noTeam;
        }

        if (ReferenceEquals(manager.PartitionRecord, manager.Record))
        {
            return manager.Partition!;
        }

        if (!_partitions.TryGetValue(teamId, out var partition))
        {
            partition = Numbered(MonitorPartition.Create(_rules.Factory, teamId, new TeamCase(teamId, AsOf, _policy)));
            partition.Shared.Fill();
            _partitions[teamId] = partition;
            _teamSessions.Add(partition.Shared);
        }

        manager.Partition = partition;
        manager.PartitionRecord = manager.Record;
        return partition;
    }

    private void Touch(MonitorPartition partition)
    {
        if (_touched.Add(partition))
        {
            _touchedSessions.Add(partition.Shared);
        }
    }

    /// <summary>
    /// Brings an offender's refreshed fact into line with <paramref name="partition"/>'s session: inserted when it can now
    /// match a rule and is not in it, updated when it is in and still can, retracted when it is in and no longer can, and
    /// left out otherwise (<see cref="MatchFilter"/>: a fact no rule can match changes no finding). The offender at
    /// <paramref name="position"/> keeps the fact (<see cref="_facts"/>) only while it is in the session; one that is not
    /// becomes the spare the next fact is made from.
    /// </summary>
    private void Sync(int position, MonitorPartition partition, OffenderCase fact)
    {
        var mayMatch = MayMatch(fact);
        ref var held = ref _facts[position];
        if (held is not null)
        {
            if (mayMatch)
            {
                partition.Session.Update(fact);
                return;
            }

            partition.Session.Retract(fact);
        }
        else if (mayMatch)
        {
            partition.Session.Insert(fact);
            held = fact;
            if (ReferenceEquals(fact, _spare))
            {
                _spare = null;
            }

            return;
        }

        held = null;
        _spare = fact;
    }

    /// <summary>Takes the fact of the offender at <paramref name="position"/> out of <paramref name="partition"/>'s session, when it is in it; returns the fact taken out.</summary>
    private OffenderCase? Leave(int position, MonitorPartition partition)
    {
        if (_facts[position] is not { } fact)
        {
            return null;
        }

        partition.Session.Retract(fact);
        _facts[position] = null;
        return fact;
    }

    /// <summary>
    /// The offender's fact as of the monitor's date (its aggregates and the policy's dates), refreshed in place: the given
    /// one (the fact in its session), else the spare or a new one. Sets whether its visit is overdue.
    /// </summary>
    private OffenderCase Refreshed(ref OffenderSlot entry, OffenderCase? fact)
    {
        var (last, noAccess, briefing) = Aggregates(ref entry);
        var manager = ManagerOf(entry)?.Fact;
        fact ??= _spare ?? new OffenderCase(entry.Record, manager, AsOf, _policy);
        OffenderInputs.Refresh(fact, entry.Record, manager, last, noAccess, briefing, AsOf, _policy);
        entry.Overdue = VisitOverdueRule.Holds(fact);
        return fact;
    }

    /// <summary>Whether an offender fact can match a rule, so belongs in its session (<see cref="MatchFilter"/>).</summary>
    private bool MayMatch(OffenderCase fact) => _offenderMayMatch is null || MatchFilter.Passes(_offenderMayMatch, fact);

    private MonitorResult Result(List<(Finding? Before, Finding? After)> pairs, List<SuppressedFinding> suppressed)
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
        suppressed.Sort(static (a, b) => FindingOrder.Instance.Compare(a.Finding, b.Finding));
        return new MonitorResult(
            AsOf,
            [],
            current.Select(static c => c.Finding).ToArray(),
            current.Select(static c => c.Change).ToArray(),
            cleared,
            suppressed);
    }
}
