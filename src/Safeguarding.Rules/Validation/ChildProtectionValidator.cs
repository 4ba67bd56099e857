using System.Globalization;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Validation;

/// <summary>
/// The checks of contract sections 3 and 6 on the child-protection arrays and <c>extractedAt</c>: required and
/// non-empty ids, unique ids per array (every record sharing one is rejected), team references when the snapshot lists
/// teams, unique action ids within a discussion, the orderings the contract names, and interviews of one detention
/// starting in the same second. A record with any problem, its nested actions or interviews included, is rejected whole.
/// </summary>
internal static class ChildProtectionValidator
{
    /// <summary>
    /// The owner of a partial action whose owner could not be read (JSON and CSV readers alike): no owner, whose
    /// "unknown value" problem is left out as the reader's own problem of that field.
    /// </summary>
    internal const ActionOwner UnreadOwner = (ActionOwner)(-1);

    /// <summary>The document problem of an <c>extractedAt</c> whose UK local date is not the snapshot's <c>asOf</c>, if there is one.</summary>
    public static InputProblem? CheckExtractedAt(CaseloadSnapshot snapshot)
    {
        if (snapshot.AsOf is { } asOf && snapshot.ExtractedAt is { } extractedAt && UkTime.LocalDate(extractedAt) is var local && local != asOf)
        {
            return new InputProblem(null, null, null, "extractedAt", "falls on " + Date(local) + " in UK local time, which is not the snapshot's asOf (" + Date(asOf) + "); the two must agree");
        }

        return null;
    }

    public static ChildProtectionRecords Validate(SnapshotReadResult input, List<InputProblem> problems, HashSet<string>? validTeams)
    {
        var snapshot = input.Snapshot;
        var malformed = input.MalformedRecords;
        if (snapshot.StrategyDiscussions.Count == 0 && snapshot.Detentions.Count == 0 && snapshot.PoliceProtections.Count == 0
            && !malformed.Any(static m => IsChildProtectionArray(m.Array)))
        {
            return ChildProtectionRecords.None;
        }

        var found = new List<InputProblem>();
        var records = new ChildProtectionRecords();
        var reported = new ReportedFields(input.Problems);
        Check(found, snapshot.StrategyDiscussions, SnapshotArrays.StrategyDiscussions, malformed, reported, static d => d.SourceIndex, static d => d.Id, (p, d, i, id, partial) => CheckDiscussion(p, d, i, id, partial, validTeams), records.Discussions);
        Check(found, snapshot.Detentions, SnapshotArrays.Detentions, malformed, reported, static d => d.SourceIndex, static d => d.Id, CheckDetention, records.Detentions);
        Check(found, snapshot.PoliceProtections, SnapshotArrays.PoliceProtections, malformed, reported, static p => p.SourceIndex, static p => p.Id, (p, r, i, id, _) => CheckProtection(p, r, i, id, validTeams), records.Protections);

        // Every record with a problem (read or checked) is rejected, once, with its fields at fault.
        foreach (var group in input.Problems.Concat(found)
                     .Where(static p => IsChildProtectionArray(p.Array) && p.Index is not null)
                     .GroupBy(static p => (p.Array!, p.Index!.Value))
                     .OrderBy(static g => Rank(g.Key.Item1)).ThenBy(static g => g.Key.Value))
        {
            records.Rejected.Add(new RejectedArrayRecord(
                group.Key.Item1,
                group.Key.Value,
                group.Select(static p => p.Id).FirstOrDefault(static id => id is not null),
                group.Select(static p => p.Field).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()));
        }

        // A record rejected by a problem of its whole file (a CSV header without a required column, contract section 9)
        // has no problem of its own: it is rejected all the same, so that no record is silently left out.
        var listed = records.Rejected.Select(static r => (r.Array, r.Index)).ToHashSet();
        var unlisted = malformed.Where(m => IsChildProtectionArray(m.Array) && !listed.Contains((m.Array, m.Index))).ToList();
        if (unlisted.Count > 0)
        {
            foreach (var record in unlisted)
            {
                var fileFields = input.Problems.Where(p => p.Array == record.Array && p.Index is null).Select(static p => p.Field).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                records.Rejected.Add(new RejectedArrayRecord(record.Array, record.Index, record.Id, fileFields.Count > 0 ? fileFields : ["$"]));
            }

            records.Rejected.Sort(static (a, b) => Rank(a.Array) != Rank(b.Array) ? Rank(a.Array).CompareTo(Rank(b.Array)) : a.Index.CompareTo(b.Index));
        }

        problems.AddRange(found);
        return records;
    }

    /// <summary>Whether <paramref name="array"/> is one of the child-protection arrays.</summary>
    public static bool IsChildProtectionArray(string? array) => Rank(array) >= 0;

    /// <summary>The array's position among the child-protection arrays (the order of <c>DataQuality</c> findings), or -1.</summary>
    public static int Rank(string? array) => array switch
    {
        SnapshotArrays.StrategyDiscussions => 0,
        SnapshotArrays.Detentions => 1,
        SnapshotArrays.PoliceProtections => 2,
        _ => -1,
    };

    private static void Check<T>(
        List<InputProblem> problems,
        IReadOnlyList<T> records,
        string array,
        IReadOnlyList<MalformedRecord> malformedRecords,
        ReportedFields reported,
        Func<T, int> sourceIndex,
        Func<T, string?> idOf,
        Action<List<InputProblem>, T, int, string?, bool> check,
        List<T> valid)
        where T : class
    {
        // Ids: of typed records and of malformed ones with a readable id.
        var byId = new RecordIds(array, records.Count);
        var bad = new bool[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var index = record is null ? i : sourceIndex(record) >= 0 ? sourceIndex(record) : i;
            var before = problems.Count;
            var id = record is null ? null : idOf(record);
            if (record is null)
            {
                problems.Add(new(array, index, null, "$", "must be a record, not null"));
            }
            else if (id is null)
            {
                problems.Add(new(array, index, null, "id", "is required"));
            }
            else if (id.Length == 0)
            {
                problems.Add(new(array, index, null, "id", "must be a non-empty string"));
            }
            else
            {
                byId.Add(id, index);
            }

            if (record is not null)
            {
                check(problems, record, index, string.IsNullOrEmpty(id) ? null : id, false);
            }

            bad[i] = problems.Count > before;
        }

        foreach (var malformed in malformedRecords)
        {
            if (malformed.Array == array)
            {
                if (malformed.Id is { Length: > 0 } id)
                {
                    byId.Add(id, malformed.Index);
                }

                // A malformed record's partial copy holds what could be read of it (its team, dates and times, a detention's
                // custody suite, and its nested records, with a placeholder for each one that could not be read): its other
                // checks are run on that, and a problem of a field the reader (or the file's header) already reported is
                // left out, as is one of a field left empty in the copy because it could not be read.
                if (malformed.Partial is T copy)
                {
                    var checkedProblems = new List<InputProblem>();
                    check(checkedProblems, copy, malformed.Index, malformed.Id, true);
                    foreach (var problem in checkedProblems)
                    {
                        if (!reported.Has(array, malformed.Index, problem.Field))
                        {
                            problems.Add(problem);
                        }
                    }
                }
            }
        }

        byId.ReportDuplicates(problems);

        for (var i = 0; i < records.Count; i++)
        {
            if (!bad[i] && idOf(records[i]) is { } id && byId.IsUnique(id))
            {
                valid.Add(records[i]);
            }
        }
    }

    // partial: whether the discussion is a malformed record's partial copy, where a null action stands for one the reader
    // could not read (and reported), and a default heldOn for one it could not read.
    private static void CheckDiscussion(List<InputProblem> problems, StrategyDiscussion discussion, int index, string? id, bool partial, HashSet<string>? validTeams)
    {
        const string Array = SnapshotArrays.StrategyDiscussions;
        CheckTeam(problems, Array, index, id, discussion.TeamId, validTeams);
        if (discussion.HeldOn != default && discussion.OutcomeRecordedOn is { } outcome && outcome < discussion.HeldOn)
        {
            problems.Add(new(Array, index, id, "outcomeRecordedOn", "is before heldOn (" + Date(discussion.HeldOn) + ")"));
        }

        // The first action with each id: looked up by a scan of the earlier actions when there are few (a discussion has a
        // handful), by a dictionary beyond that. The path of an action is built only for a problem.
        var actions = discussion.Actions;
        var actionIds = actions.Count > ScanLimit ? new Dictionary<string, int>(actions.Count, StringComparer.Ordinal) : null;
        for (var a = 0; a < actions.Count; a++)
        {
            var action = actions[a];
            if (action is null)
            {
                if (partial)
                {
                    continue;
                }

                problems.Add(new(Array, index, id, Path("actions", a), "must be an action, not null"));
                continue;
            }

            if (string.IsNullOrEmpty(action.Id))
            {
                problems.Add(new(Array, index, id, Path("actions", a, ".id"), action.Id is null ? "is required" : "must be a non-empty string"));
            }
            else if (FirstActionWithId(actions, a, actionIds) is var first && first != a)
            {
                problems.Add(new(Array, index, id, Path("actions", a, ".id"), "duplicate action id, also used by actions[" + first.ToString(CultureInfo.InvariantCulture) + "] of this discussion"));
            }

            if (!Enum.IsDefined(action.Owner))
            {
                problems.Add(new(Array, index, id, Path("actions", a, ".owner"), "unknown value; expected " + ContractNames.ActionOwnerList));
            }
        }
    }

    // partial: whether the detention is a malformed record's partial copy, where a null interview stands for one whose start
    // could not be read (its problems were reported by the reader; it is compared with nothing), an interview read in part
    // keeps the start it has, and a default authorisedAt stands for one the reader could not read (nothing is then ordered
    // against it).
    private static void CheckDetention(List<InputProblem> problems, Detention detention, int index, string? id, bool partial)
    {
        const string Array = SnapshotArrays.Detentions;
        if (string.IsNullOrEmpty(detention.CustodySuiteId))
        {
            problems.Add(new(Array, index, id, "custodySuiteId", detention.CustodySuiteId is null ? "is required" : "must be a non-empty string"));
        }

        var authorised = detention.AuthorisedAt;
        var ordered = !partial || authorised != default;
        if (ordered && detention.AppropriateAdultArrivedAt is { } arrived && arrived < authorised)
        {
            problems.Add(new(Array, index, id, "appropriateAdultArrivedAt", "is before authorisedAt"));
        }

        if (ordered && detention.ReleasedAt is { } released && released < authorised)
        {
            problems.Add(new(Array, index, id, "releasedAt", "is before authorisedAt"));
        }

        // The first interview starting in each second: found as the actions' first ids are (see CheckDiscussion).
        var interviews = detention.Interviews;
        var seconds = interviews.Count > ScanLimit ? new Dictionary<long, int>(interviews.Count) : null;
        for (var i = 0; i < interviews.Count; i++)
        {
            var interview = interviews[i];
            if (interview is null)
            {
                if (partial)
                {
                    continue;
                }

                problems.Add(new(Array, index, id, Path("interviews", i), "must be an interview, not null"));
                continue;
            }

            if (ordered && interview.StartedAt < authorised)
            {
                problems.Add(new(Array, index, id, Path("interviews", i, ".startedAt"), "is before authorisedAt"));
            }

            if (FirstInterviewInSecond(interviews, i, seconds) is var first && first != i)
            {
                problems.Add(new(Array, index, id, Path("interviews", i, ".startedAt"), "starts in the same second as interviews[" + first.ToString(CultureInfo.InvariantCulture) + "] of this detention"));
            }
        }
    }

    private static void CheckProtection(List<InputProblem> problems, PoliceProtection protection, int index, string? id, HashSet<string>? validTeams)
    {
        const string Array = SnapshotArrays.PoliceProtections;
        CheckTeam(problems, Array, index, id, protection.TeamId, validTeams);
        if (protection.StartedAt == default)
        {
            return; // A malformed record's partial copy without a startedAt (its problem was reported by the reader).
        }

        if (protection.LocalAuthorityInformedAt is { } informed && informed < protection.StartedAt)
        {
            problems.Add(new(Array, index, id, "localAuthorityInformedAt", "is before startedAt"));
        }

        if (protection.EndedAt is { } ended && ended < protection.StartedAt)
        {
            problems.Add(new(Array, index, id, "endedAt", "is before startedAt"));
        }
    }

    private static void CheckTeam(List<InputProblem> problems, string array, int index, string? id, string? teamId, HashSet<string>? validTeams)
    {
        if (teamId is null)
        {
            return;
        }

        if (teamId.Length == 0)
        {
            problems.Add(new(array, index, id, "teamId", "must be a non-empty string or absent"));
        }
        else if (validTeams is not null && !validTeams.Contains(teamId))
        {
            problems.Add(new(array, index, id, "teamId", "names team " + teamId + ", which is not a valid listed team"));
        }
    }

    /// <summary>Up to how many actions or interviews a record's duplicates are found by scanning the earlier ones rather than by a dictionary.</summary>
    private const int ScanLimit = 16;

    /// <summary>
    /// The position of the first action before or at <paramref name="position"/> with the id of the action there (non-null,
    /// with a non-empty id): <paramref name="position"/> itself when no earlier action has it. <paramref name="firstById"/>,
    /// when given, holds the first position of each id of the actions before <paramref name="position"/>, and takes this one's.
    /// </summary>
    private static int FirstActionWithId(IReadOnlyList<StrategyAction> actions, int position, Dictionary<string, int>? firstById)
    {
        var actionId = actions[position].Id;
        if (firstById is not null)
        {
            return firstById.TryAdd(actionId, position) ? position : firstById[actionId];
        }

        for (var a = 0; a < position; a++)
        {
            if (actions[a] is { Id: { Length: > 0 } other } && string.Equals(other, actionId, StringComparison.Ordinal))
            {
                return a;
            }
        }

        return position;
    }

    /// <summary>
    /// The position of the first interview before or at <paramref name="position"/> (non-null) that starts in the same UTC
    /// second as the one there; <paramref name="firstBySecond"/> as for <see cref="FirstActionWithId"/>.
    /// </summary>
    private static int FirstInterviewInSecond(IReadOnlyList<Interview> interviews, int position, Dictionary<long, int>? firstBySecond)
    {
        var second = interviews[position].StartedAt.UtcTicks / TimeSpan.TicksPerSecond;
        if (firstBySecond is not null)
        {
            return firstBySecond.TryAdd(second, position) ? position : firstBySecond[second];
        }

        for (var i = 0; i < position; i++)
        {
            if (interviews[i] is { } other && other.StartedAt.UtcTicks / TimeSpan.TicksPerSecond == second)
            {
                return i;
            }
        }

        return position;
    }

    /// <summary>"actions[2]" and a field after it: the path of a nested record, written only when a problem names it.</summary>
    private static string Path(string array, int position, string field = "") =>
        array + "[" + position.ToString(CultureInfo.InvariantCulture) + "]" + field;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
