using System.Globalization;
using System.Runtime.CompilerServices;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Validation;

/// <summary>The checks of contract section 3 that apply to typed records, built in code or read from JSON.</summary>
internal static partial class SnapshotValidator
{
    /// <summary>The range of an offender's <c>visitIntervalDays</c>, as problems state it.</summary>
    public const string VisitIntervalRange = "must be from 1 to 730";

    /// <summary>The range of an offender's <c>mappaLevel</c>, as problems state it.</summary>
    public const string MappaLevelRange = "must be from 1 to 3";

    public static ValidatedSnapshot Validate(SnapshotReadResult input, int maxDegreeOfParallelism = 1, IValidRecordListener? observer = null, PolicyView? policy = null)
    {
        var snapshot = input.Snapshot;
        var problems = new List<InputProblem>(input.Problems);
        if (snapshot.SchemaVersion is { } version && version != 1)
        {
            problems.Add(new(null, null, null, "schemaVersion", "must be 1 when present; it is " + version.ToString(CultureInfo.InvariantCulture)));
        }

        var malformed = input.MalformedRecords;

        // Teams.
        HashSet<string>? validTeams = null;
        if (snapshot.Teams is { } teams)
        {
            var teamIds = new RecordIds(SnapshotArrays.Teams, teams.Count);
            for (var i = 0; i < teams.Count; i++)
            {
                var team = teams[i];
                var index = Index(team.SourceIndex, i);
                if (RequireId(problems, SnapshotArrays.Teams, index, null, "id", team?.Id))
                {
                    teamIds.Add(team!.Id, index);
                }
                else
                {
                    teamIds.Reject(index);
                }
            }

            teamIds.AddMalformed(malformed);
            teamIds.ReportDuplicates(problems);
            validTeams = teamIds.ValidIds();
        }

        // Managers.
        var managers = snapshot.Managers;
        var managerIds = new RecordIds(SnapshotArrays.Managers, managers.Count);
        var managerProblems = new bool[managers.Count];
        for (var i = 0; i < managers.Count; i++)
        {
            var manager = managers[i];
            var index = Index(manager.SourceIndex, i);
            var ok = RequireId(problems, SnapshotArrays.Managers, index, null, "id", manager?.Id);
            var id = ok ? manager!.Id : null;
            if (manager?.TeamId is { } teamId)
            {
                ok &= CheckTeamReference(problems, index, id, teamId, validTeams);
            }

            if (id is not null)
            {
                managerIds.Add(id, index);
            }

            managerProblems[i] = !ok;
        }

        managerIds.AddMalformed(malformed);
        managerIds.ReportDuplicates(problems);
        foreach (var record in malformed)
        {
            if (record.Partial is Manager { TeamId: { } partialTeam })
            {
                CheckTeamReference(problems, record.Index, record.Id, partialTeam, validTeams);
            }
        }

        var validManagers = new Dictionary<string, int>(managers.Count, StringComparer.Ordinal);
        for (var i = 0; i < managers.Count; i++)
        {
            if (!managerProblems[i] && managerIds.IsUnique(managers[i].Id))
            {
                validManagers[managers[i].Id] = i;
            }
        }

        // Offenders: each record's own checks in parallel chunks (they only read shared state), while one more thread puts
        // the ids into the duplicate tracker, which is sequential.
        // Each record's own verdict goes into offenderValid at once (its id's uniqueness is added below), and the fields at
        // fault of the few records with problems into their chunk's dictionary, by position.
        var offenders = snapshot.Offenders;
        var offenderManager = new int[offenders.Count];
        var offenderHasId = new bool[offenders.Count];
        var offenderValid = new bool[offenders.Count];
        var offenderChunks = Chunks.For(offenders.Count, maxDegreeOfParallelism - 1);
        var offenderFields = new Dictionary<int, List<string>>?[offenderChunks];
        var offenderIds = new RecordIds(SnapshotArrays.Offenders, offenders.Count);
        void CheckOffenders() => ForChunks(problems, offenderChunks, offenders.Count, (found, chunk, from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                var offender = offenders[i];
                var index = Index(offender?.SourceIndex ?? -1, i);
                var before = found.Count;
                var hasId = offenderHasId[i] = RequireId(found, SnapshotArrays.Offenders, index, null, "id", offender?.Id);
                offenderManager[i] = offender is null ? -1 : CheckOffender(found, offender, index, hasId ? offender.Id : null, validManagers);
                if (found.Count > before)
                {
                    (offenderFields[chunk] ??= []).Add(i, found.GetRange(before, found.Count - before).ConvertAll(static p => p.Field));
                }
                else
                {
                    offenderValid[i] = true;
                }
            }
        });

        void TrackOffenderIds()
        {
            for (var i = 0; i < offenders.Count; i++)
            {
                if (offenders[i] is { Id.Length: > 0 } offender)
                {
                    offenderIds.Add(offender.Id, Index(offender.SourceIndex, i), i);
                }
            }
        }

        if (maxDegreeOfParallelism > 1 && offenders.Count >= Chunks.ParallelThreshold)
        {
            Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = 2 }, CheckOffenders, TrackOffenderIds);
        }
        else
        {
            CheckOffenders();
            TrackOffenderIds();
        }

        offenderIds.AddMalformed(malformed);
        offenderIds.ReportDuplicates(problems);
        foreach (var record in malformed)
        {
            if (record.Partial is Offender partial)
            {
                _ = CheckOffender(problems, partial, record.Index, record.Id, validManagers);
            }
        }

        // A record is valid when it has no problem of its own and a unique id. Only the records at fault are read again.
        var rejected = new List<RejectedRecord>();
        for (var i = 0; i < offenders.Count; i++)
        {
            var unique = offenderHasId[i] && (!offenderIds.HasDuplicates || offenderIds.IsUnique(offenders[i].Id));
            var ownChecksPassed = offenderValid[i];
            offenderValid[i] = ownChecksPassed && unique;
            if (!offenderValid[i])
            {
                var offender = offenders[i];
                var fields = ownChecksPassed ? new List<string>() : FieldsOf(offenderFields, i);
                if (!unique && offenderHasId[i])
                {
                    fields.Add("id");
                }

                rejected.Add(new(Index(offender?.SourceIndex ?? -1, i), offenderHasId[i] ? offender!.Id : null, FieldsAtFault(fields)));
            }
        }

        if (malformed.Count > 0)
        {
            // The fields at fault of each malformed offender, from one pass over the problems.
            var fieldsByIndex = problems
                .Where(static p => p.Array == SnapshotArrays.Offenders && p.Index is not null)
                .ToLookup(static p => p.Index!.Value, static p => p.Field);
            foreach (var record in malformed)
            {
                if (record.Array == SnapshotArrays.Offenders)
                {
                    rejected.Add(new(record.Index, record.Id, FieldsAtFault(fieldsByIndex[record.Index])));
                }
            }
        }

        rejected.Sort(static (a, b) => a.Index.CompareTo(b.Index));

        // Visits and briefings; the listener hears those of valid offenders in the same pass.
        var observing = observer ?? IgnoreRecords.Instance;
        CheckInChunks(
            problems,
            maxDegreeOfParallelism,
            snapshot.Visits,
            () => new OffenderLookup(offenders, offenderIds),
            (found, visit, i, lookup) => CheckVisit(found, visit, i, offenderValid, lookup),
            observing.BeginVisits,
            (chunk, index, offender, visit) => observing.Visit(chunk, index, offender, visit!));

        foreach (var record in malformed)
        {
            switch (record.Partial)
            {
                case Visit { OffenderId.Length: > 0 } visit:
                    ResolveOffender(problems, SnapshotArrays.Visits, record.Index, visit.OffenderId, offenderValid, new OffenderLookup(offenders, offenderIds));
                    break;
                case Briefing briefing:
                    if (briefing.OffenderId.Length > 0)
                    {
                        ResolveOffender(problems, SnapshotArrays.Briefings, record.Index, briefing.OffenderId, offenderValid, new OffenderLookup(offenders, offenderIds));
                    }

                    if (briefing.NeighbourhoodId.Length == 0)
                    {
                        problems.Add(new(SnapshotArrays.Briefings, record.Index, null, "neighbourhoodId", "must be a non-empty string"));
                    }

                    break;
            }
        }

        CheckInChunks(
            problems,
            maxDegreeOfParallelism,
            snapshot.Briefings,
            () => new OffenderLookup(offenders, offenderIds),
            (found, briefing, i, lookup) => CheckBriefing(found, briefing, i, offenderValid, lookup),
            observing.BeginBriefings,
            (chunk, index, offender, briefing) => observing.Briefing(chunk, index, offender, briefing!));

        if (ChildProtectionValidator.CheckExtractedAt(snapshot) is { } extractedAt)
        {
            problems.Add(extractedAt);
        }

        var childProtection = ChildProtectionValidator.Validate(input, problems, validTeams);
        var validOverrides = CheckOverrides(problems, snapshot, input.MalformedRecords, (policy ?? PolicyView.Default).Overrides);
        problems.Sort(ProblemOrder.Instance);
        if (input.ProblemLocator is { } locator)
        {
            for (var i = 0; i < problems.Count; i++)
            {
                problems[i] = locator.Locate(problems[i]);
            }
        }

        return new ValidatedSnapshot
        {
            Snapshot = snapshot,
            Problems = problems,
            ValidTeams = validTeams,
            ValidManagers = validManagers,
            OffenderManager = offenderManager,
            OffenderValid = offenderValid,
            RejectedOffenders = rejected,
            ChildProtection = childProtection,
            ValidOverrides = validOverrides,
        };
    }

    /// <summary>
    /// Checks the records of a large array in parallel chunks (the checks only read shared state); problems are added in
    /// record order, and each record of a valid offender goes to <paramref name="observe"/> with its chunk, its position and its offender.
    /// Each chunk resolves offender ids with a lookup of its own.
    /// </summary>
    private static void CheckInChunks<T>(
        List<InputProblem> problems,
        int maxDegreeOfParallelism,
        IReadOnlyList<T> records,
        Func<OffenderLookup> lookup,
        Func<List<InputProblem>, T, int, OffenderLookup, int> check,
        Action<int> begin,
        Action<int, int, int, T> observe)
    {
        var chunks = Chunks.For(records.Count, maxDegreeOfParallelism);
        begin(chunks);
        ForChunks(problems, chunks, records.Count, (found, chunk, from, to) =>
        {
            var offenders = lookup();
            for (var i = from; i < to; i++)
            {
                var record = records[i];
                var offender = check(found, record, i, offenders);
                if (offender >= 0)
                {
                    observe(chunk, i, offender, record);
                }
            }
        });
    }

    /// <summary>
    /// Runs <paramref name="check"/>(problems, chunk, from, to) over <c>[0, count)</c> in <paramref name="chunks"/>
    /// contiguous chunks in parallel, each chunk with a problem list of its own; the lists are added to
    /// <paramref name="problems"/> in record order.
    /// </summary>
    private static void ForChunks(List<InputProblem> problems, int chunks, int count, Action<List<InputProblem>, int, int, int> check)
    {
        if (chunks == 1)
        {
            check(problems, 0, 0, count);
            return;
        }

        var chunkProblems = new List<InputProblem>[chunks];
        Chunks.Run(chunks, count, (chunk, from, to) => check(chunkProblems[chunk] = [], chunk, from, to));
        foreach (var found in chunkProblems)
        {
            problems.AddRange(found);
        }
    }

    [MethodImpl(PerRecord.Compiled)]
    private static int CheckBriefing(List<InputProblem> problems, Briefing? briefing, int position, bool[] validOffenders, OffenderLookup allOffenders)
    {
        var index = Index(briefing?.SourceIndex ?? -1, position);
        var ok = RequireId(problems, SnapshotArrays.Briefings, index, null, "offenderId", briefing?.OffenderId);
        ok &= RequireId(problems, SnapshotArrays.Briefings, index, null, "neighbourhoodId", briefing?.NeighbourhoodId);
        return ok ? ResolveOffender(problems, SnapshotArrays.Briefings, index, briefing!.OffenderId, validOffenders, allOffenders) : -1;
    }

    [MethodImpl(PerRecord.Compiled)]
    private static int CheckVisit(List<InputProblem> problems, Visit? visit, int position, bool[] validOffenders, OffenderLookup allOffenders)
    {
        var index = Index(visit?.SourceIndex ?? -1, position);
        var ok = RequireId(problems, SnapshotArrays.Visits, index, null, "offenderId", visit?.OffenderId);
        if (visit is null)
        {
            return -1;
        }

        if ((uint)visit.Outcome > (uint)VisitOutcome.Cancelled)
        {
            problems.Add(new(SnapshotArrays.Visits, index, null, "outcome", "unknown value; expected Completed, NoAccess or Cancelled"));
            ok = false;
        }

        return ok ? ResolveOffender(problems, SnapshotArrays.Visits, index, visit.OffenderId, validOffenders, allOffenders) : -1;
    }

    /// <summary>The fields at fault of the offender at <paramref name="position"/>, from the dictionary of the chunk that checked it.</summary>
    private static List<string> FieldsOf(Dictionary<int, List<string>>?[] chunks, int position)
    {
        foreach (var chunk in chunks)
        {
            if (chunk is not null && chunk.TryGetValue(position, out var fields))
            {
                return fields;
            }
        }

        throw new InvalidOperationException("An offender record failed its checks but no field at fault was kept. This is a defect in Safeguarding.Rules.");
    }

    /// <summary>Each field once, in ordinal order, so a rejected record's reason reads the same however its problems were found.</summary>
    private static List<string> FieldsAtFault(IEnumerable<string> fields) => fields.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static bool CheckTeamReference(List<InputProblem> problems, int index, string? id, string teamId, HashSet<string>? validTeams)
    {
        if (teamId.Length == 0)
        {
            problems.Add(new(SnapshotArrays.Managers, index, id, "teamId", "must be a non-empty string or absent"));
            return false;
        }

        if (validTeams is not null && !validTeams.Contains(teamId))
        {
            problems.Add(new(SnapshotArrays.Managers, index, id, "teamId", "names team " + teamId + ", which is not a valid listed team"));
            return false;
        }

        return true;
    }

    /// <summary>Checks an offender's own fields and its manager reference.</summary>
    /// <returns>The position of its valid manager, or -1 when it has none or the reference is bad.</returns>
    [MethodImpl(PerRecord.Compiled)]
    private static int CheckOffender(List<InputProblem> problems, Offender offender, int index, string? id, Dictionary<string, int> validManagers)
    {
        var manager = -1;
        const string Array = SnapshotArrays.Offenders;
        if (!Enum.IsDefined(offender.RiskLevel))
        {
            problems.Add(new(Array, index, id, "riskLevel", "unknown value; expected Low, Medium, High or VeryHigh"));
        }

        if (offender.ManagerId is { } managerId && !validManagers.TryGetValue(managerId, out manager))
        {
            manager = -1;
            problems.Add(new(Array, index, id, "managerId", managerId.Length == 0
                ? "must be a non-empty string, or absent for an unallocated offender"
                : "names manager " + managerId + ", which is not a valid manager in the snapshot"));
        }

        if (offender.NeighbourhoodId is { Length: 0 })
        {
            problems.Add(new(Array, index, id, "neighbourhoodId", "must be a non-empty string or absent"));
        }

        if (offender.VisitIntervalDays is { } interval && (interval < 1 || interval > 730))
        {
            problems.Add(new(Array, index, id, "visitIntervalDays", VisitIntervalRange + "; it is " + interval.ToString(CultureInfo.InvariantCulture)));
        }

        if (offender.MappaLevel is { } mappa && (mappa < 1 || mappa > 3))
        {
            problems.Add(new(Array, index, id, "mappaLevel", MappaLevelRange + "; it is " + mappa.ToString(CultureInfo.InvariantCulture)));
        }

        return manager;
    }

    [MethodImpl(PerRecord.Compiled)]
    private static int ResolveOffender(List<InputProblem> problems, string array, int index, string offenderId, bool[] validOffenders, OffenderLookup allOffenders)
    {
        if (!allOffenders.TryGetPosition(offenderId, out var position))
        {
            problems.Add(new(array, index, null, "offenderId", "names offender " + offenderId + ", which is not in the snapshot"));
            return -1;
        }

        // Records of a rejected offender are left out without a problem of their own.
        return position >= 0 && validOffenders[position] ? position : -1;
    }

    [MethodImpl(PerRecord.Compiled)]
    private static bool RequireId(List<InputProblem> problems, string array, int index, string? id, string field, string? value)
    {
        if (value is null)
        {
            problems.Add(new(array, index, id, field, "is required"));
            return false;
        }

        if (value.Length == 0)
        {
            problems.Add(new(array, index, id, field, "must be a non-empty string"));
            return false;
        }

        return true;
    }

    private static int Index(int sourceIndex, int position) => sourceIndex >= 0 ? sourceIndex : position;

    /// <summary>
    /// Resolves the offender ids of one chunk of visits or briefings as <see cref="RecordIds.TryGetPosition"/> does. An
    /// extract usually lists an offender's records together, and in the order of the offenders: so before the id index
    /// (a hash of the id, then its scattered entry and key), it tries the offender it resolved last, and (when no id is
    /// duplicated, so that an offender with the id is the only one) the offender after it in the snapshot: each an
    /// ordinal comparison of two ids. Records in any other order fall back to the index. Not thread-safe: one chunk.
    /// </summary>
    private sealed class OffenderLookup(IReadOnlyList<Offender> offenders, RecordIds ids)
    {
        private readonly bool _unique = !ids.HasDuplicates;
        private string? _lastId;
        private int _lastPosition = -1;

        [MethodImpl(PerRecord.Compiled)]
        public bool TryGetPosition(string id, out int position)
        {
            if (string.Equals(id, _lastId, StringComparison.Ordinal))
            {
                position = _lastPosition;
                return true;
            }

            var next = _lastPosition + 1;
            if (_unique && _lastPosition >= 0 && next < offenders.Count && offenders[next] is { } offender && string.Equals(id, offender.Id, StringComparison.Ordinal))
            {
                position = next;
            }
            else if (!ids.TryGetPosition(id, out position))
            {
                return false;
            }

            (_lastId, _lastPosition) = (id, position);
            return true;
        }
    }

    /// <summary>The listener of a validation that only checks.</summary>
    private sealed class IgnoreRecords : IValidRecordListener
    {
        public static readonly IgnoreRecords Instance = new();

        public void BeginVisits(int chunks)
        {
        }

        public void Visit(int chunk, int index, int offender, Visit visit)
        {
        }

        public void BeginBriefings(int chunks)
        {
        }

        public void Briefing(int chunk, int index, int offender, Briefing briefing)
        {
        }
    }

    /// <summary>Document problems first, then by array in snapshot order, index, and field.</summary>
    private sealed class ProblemOrder : IComparer<InputProblem>
    {
        public static readonly ProblemOrder Instance = new();

        // "strategy-actions" and "interviews": a CSV folder's nested row naming an unknown parent (contract section 9) is a
        // problem of its own file's array, listed after its parents' problems.
        private static readonly string[] Arrays = [SnapshotArrays.Teams, SnapshotArrays.Managers, SnapshotArrays.Offenders, SnapshotArrays.Visits, SnapshotArrays.Briefings,
            SnapshotArrays.StrategyDiscussions, "strategy-actions", SnapshotArrays.Detentions, "interviews", SnapshotArrays.PoliceProtections, SnapshotArrays.Overrides];

        public int Compare(InputProblem? x, InputProblem? y)
        {
            var byArray = Rank(x!.Array).CompareTo(Rank(y!.Array));
            if (byArray != 0)
            {
                return byArray;
            }

            var byIndex = (x.Index ?? -1).CompareTo(y.Index ?? -1);
            if (byIndex != 0)
            {
                return byIndex;
            }

            var byField = string.CompareOrdinal(x.Field, y.Field);
            return byField != 0 ? byField : string.CompareOrdinal(x.Problem, y.Problem);
        }

        private static int Rank(string? array) => array is null ? -1 : System.Array.IndexOf(Arrays, array);
    }
}
