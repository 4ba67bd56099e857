using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Findings;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Impact;

/// <summary>
/// Impact analysis: which findings a proposed policy raises, clears or changes compared with a baseline, for the same
/// caseload and as-of date, so a policy change can be tested before it goes live.
/// </summary>
/// <remarks>
/// Findings are matched by <see cref="Finding.Id"/> (the kind and the subject: offender, manager, team or record).
/// A finding only the proposed evaluation has is <see cref="FindingChangeKind.Raised"/>, one only the baseline has is
/// <see cref="FindingChangeKind.Cleared"/>, and one both have is <see cref="FindingChangeKind.Changed"/> when any
/// field of its kind differs, or <c>overrideExpiredOn</c> (the findings schema's
/// <see cref="FindingComparison.EveryField"/> comparison: for a visit overdue, <c>managerId</c>, <c>teamId</c>,
/// <c>riskLevel</c>, <c>dueOn</c>, <c>daysOverdue</c> and <c>escalateTo</c>; for a delayed appropriate adult,
/// <c>custodySuiteId</c>, <c>authorisedAt</c>, <c>minutesWaited</c>, <c>awaiting</c> and <c>escalateTo</c>). The rule and the reason are not compared: the rule of an overdue visit
/// follows its escalation level and the reason follows the values (a reason that only quotes a changed threshold is
/// not a different finding). A manager moving from above target to critical is two differences (a different kind
/// is a different finding): the above-target finding cleared and the critical one raised.
/// </remarks>
public static class PolicyImpact
{
    /// <summary>
    /// Evaluates <paramref name="snapshot"/> under the baseline and the proposed policy (same as-of date, partial results
    /// not allowed) and compares the findings.
    /// </summary>
    /// <param name="evaluator">The evaluator (for example a shared <see cref="SafeguardingEngine"/>).</param>
    /// <param name="snapshot">The caseload.</param>
    /// <param name="proposed">The proposed policy.</param>
    /// <param name="baseline">The policy in force; <see langword="null"/> for the evaluator's own policy (the default policy for a <c>new SafeguardingEngine()</c>).</param>
    /// <param name="asOf">The as-of date; <see langword="null"/> for the snapshot's <c>asOf</c>, else the UK date of its <c>extractedAt</c>, else today's date in the United Kingdom (resolved once, for both evaluations).</param>
    /// <param name="cancellationToken">Stops the comparison: checked before and between the two evaluations, and by each evaluation between its partitions.</param>
    /// <returns>The impact; not evaluated, with every problem, when the snapshot has problems.</returns>
    /// <exception cref="PolicyValidationException">A policy is invalid; every problem is listed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their second parameter's type, so no call is ambiguous.")]
    public static ImpactReport Compare(ISafeguardingEvaluator evaluator, CaseloadSnapshot snapshot, SafeguardingPolicy proposed, SafeguardingPolicy? baseline = null, DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Compare(evaluator, SnapshotReadResult.FromCode(snapshot), proposed, baseline, asOf, cancellationToken);
    }

    /// <summary>
    /// Compares as <see cref="Compare(ISafeguardingEvaluator, CaseloadSnapshot, SafeguardingPolicy, SafeguardingPolicy?, DateOnly?, CancellationToken)"/>
    /// does, for a snapshot as read from a document: the problems the reading found make the impact not evaluated.
    /// </summary>
    /// <param name="evaluator">The evaluator (for example a shared <see cref="SafeguardingEngine"/>).</param>
    /// <param name="input">What <c>SnapshotJson.Read</c> (or another reader) returned.</param>
    /// <param name="proposed">The proposed policy.</param>
    /// <param name="baseline">The policy in force; <see langword="null"/> for the evaluator's own policy.</param>
    /// <param name="asOf">The as-of date; <see langword="null"/> for the snapshot's <c>asOf</c>, else the UK date of its <c>extractedAt</c>, else today's date in the United Kingdom.</param>
    /// <param name="cancellationToken">Stops the comparison.</param>
    /// <returns>
    /// The impact; not evaluated, with every problem, when the snapshot has problems under either policy. A problem only
    /// one policy gives (whether an override is valid depends on the policy's <c>overrides</c> block) starts
    /// <c>under the proposed policy (version V): </c> or <c>under the baseline policy (version V): </c>; when both refuse
    /// the same field of a record in other words, each policy's wording starts
    /// <c>under both policies (by the baseline policy, version V): </c> or <c>under both policies (by the proposed policy, version V): </c>;
    /// when both refuse a record but one of them for a field the other does not, that problem starts
    /// <c>under the baseline policy only (version V; the proposed policy, version W, refuses it too, for F): </c> (or the
    /// same with the policies swapped), F naming the fields the other policy refuses it for.
    /// </returns>
    /// <exception cref="PolicyValidationException">A policy is invalid; every problem is listed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their second parameter's type, so no call is ambiguous.")]
    public static ImpactReport Compare(ISafeguardingEvaluator evaluator, SnapshotReadResult input, SafeguardingPolicy proposed, SafeguardingPolicy? baseline = null, DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(proposed);
        proposed.EnsureValid();
        baseline?.EnsureValid();

        cancellationToken.ThrowIfCancellationRequested();
        var before = evaluator.Evaluate(input, new EvaluationOptions { AsOf = asOf, Policy = baseline, AllowPartialResults = false }, cancellationToken);
        if (!before.IsEvaluated && !HasOverrides(input, before))
        {
            // No problem depends on the policy (only an override's does, contract section 8): the proposed policy would
            // give the same ones, so the snapshot is not checked again.
            return NotEvaluated(before.Problems, before.AsOf, before.PolicyVersion, proposed.Version);
        }

        // The date is resolved once, for both: but a date given by the caller also sets the as-of instant (the end of that
        // day, contract section 6), so when the first evaluation took its instant from the snapshot's extractedAt, the second
        // is given no date either and takes the same instant (and the date of that instant) from the snapshot.
        var sameDate = before.AsOfInstant == ChildProtection.AsOfInstant.EndOf(before.AsOf) ? before.AsOf : (DateOnly?)null;
        cancellationToken.ThrowIfCancellationRequested();
        var after = evaluator.Evaluate(input, new EvaluationOptions { AsOf = sameDate, Policy = proposed, AllowPartialResults = false }, cancellationToken);
        return before.IsEvaluated && after.IsEvaluated
            ? Compare(before, after)
            : NotEvaluated(BothPolicies(before, after), before.AsOf, before.PolicyVersion, after.PolicyVersion);
    }

    /// <summary>Whether the snapshot has overrides, valid or not: the only records whose problems depend on the policy.</summary>
    private static bool HasOverrides(SnapshotReadResult input, EvaluationReport report) =>
        input.Snapshot.Overrides.Count > 0 || report.Problems.Any(static p => p.Array == SnapshotArrays.Overrides);

    /// <summary>
    /// The problems of both evaluations, the baseline's first, each once. A problem only one policy gives (an override
    /// of a kind one policy lists and the other does not, or longer than one policy's <c>overrides.maxDays</c>) says
    /// which policy it is under, since the same snapshot is valid under the other. When both policies refuse the same
    /// field of the same record in other words (two <c>overrides.maxDays</c>, two <c>overrides.kinds</c> lists), each
    /// policy's wording is kept, the proposed policy's right after the baseline's, and each says both policies refuse it.
    /// When both refuse the same record but one of them for a field the other does not (one for its kind, the other for
    /// its days), that line says only its policy refuses it for that reason and for which fields the other policy refuses
    /// it too; the proposed policy's lines of that record come right after the baseline's last. A problem both give in the
    /// same words is listed once, unlabelled.
    /// </summary>
    private static List<InputProblem> BothPolicies(EvaluationReport baseline, EvaluationReport proposed)
    {
        var inBaseline = baseline.Problems.ToHashSet();
        var inProposed = proposed.Problems.ToHashSet();
        var onlyBaseline = baseline.Problems.Where(p => !inProposed.Contains(p)).ToList();
        var onlyProposed = proposed.Problems.Where(p => !inBaseline.Contains(p)).ToList();
        var baselinePlaces = onlyBaseline.Select(Place).ToHashSet();
        var proposedByPlace = onlyProposed.ToLookup(Place);
        var baselineByRecord = onlyBaseline.ToLookup(Record);
        var proposedByRecord = onlyProposed.ToLookup(Record);
        var lastOfRecord = new Dictionary<(string? Array, int? Index, string? Id), InputProblem>();
        foreach (var problem in onlyBaseline)
        {
            lastOfRecord[Record(problem)] = problem;
        }

        const string baselineName = "the baseline policy";
        const string proposedName = "the proposed policy";
        var problems = new List<InputProblem>();
        foreach (var problem in baseline.Problems)
        {
            if (inProposed.Contains(problem))
            {
                problems.Add(problem);
                continue;
            }

            if (proposedByPlace.Contains(Place(problem)))
            {
                problems.Add(Label("under both policies (by the baseline policy, version " + baseline.PolicyVersion + "): ", problem));
                problems.AddRange(proposedByPlace[Place(problem)].Select(p => Label("under both policies (by the proposed policy, version " + proposed.PolicyVersion + "): ", p)));
            }
            else
            {
                problems.Add(Label(OnePolicy(baselineName, baseline.PolicyVersion, proposedName, proposed.PolicyVersion, problem, proposedByRecord), problem));
            }

            if (ReferenceEquals(lastOfRecord[Record(problem)], problem))
            {
                // The proposed policy refuses this record too, for fields the baseline does not refuse it for: next to the baseline's.
                problems.AddRange(proposedByRecord[Record(problem)]
                    .Where(p => !baselinePlaces.Contains(Place(p)))
                    .Select(p => Label(OnePolicy(proposedName, proposed.PolicyVersion, baselineName, baseline.PolicyVersion, p, baselineByRecord), p)));
            }
        }

        problems.AddRange(onlyProposed
            .Where(p => !baselineByRecord.Contains(Record(p)))
            .Select(p => Label("under the proposed policy (version " + proposed.PolicyVersion + "): ", p)));
        return problems.Distinct().ToList();

        static (string? Array, int? Index, string? Id, string Field) Place(InputProblem problem) => (problem.Array, problem.Index, problem.Id, problem.Field);

        static (string? Array, int? Index, string? Id) Record(InputProblem problem) => (problem.Array, problem.Index, problem.Id);

        static InputProblem Label(string label, InputProblem problem) => problem with { Problem = label + problem.Problem };

        // "under the baseline policy (version V): ", or, when the other policy refuses the same record for other fields,
        // "under the baseline policy only (version V; the proposed policy, version W, refuses it too, for until): ".
        static string OnePolicy(string name, string version, string otherName, string otherVersion, InputProblem problem, ILookup<(string? Array, int? Index, string? Id), InputProblem> others)
        {
            var fields = others[Record(problem)].Select(static p => p.Field).Where(f => !string.Equals(f, problem.Field, StringComparison.Ordinal)).Distinct().ToList();
            return fields.Count == 0
                ? "under " + name + " (version " + version + "): "
                : "under " + name + " only (version " + version + "; " + otherName + ", version " + otherVersion + ", refuses it too, for "
                    + (fields.Count == 1 ? fields[0] : string.Join(", ", fields.Take(fields.Count - 1)) + " and " + fields[^1]) + "): ";
        }
    }

    /// <summary>Compares two evaluations of the same caseload on the same as-of date.</summary>
    /// <param name="baseline">The evaluation under the policy in force.</param>
    /// <param name="proposed">The evaluation under the proposed policy.</param>
    /// <returns>
    /// The impact; when either report was not evaluated, a report that is not evaluated either and holds the problems
    /// of both (the baseline's first, without repeats), a problem only one report has starting with the policy it is
    /// under: <c>under the proposed policy (version V): </c> or <c>under the baseline policy (version V): </c>; when both
    /// give a problem of the same field of a record in other words, each starts <c>under both policies (by the baseline
    /// policy, version V): </c> or <c>under both policies (by the proposed policy, version V): </c>, the proposed's next;
    /// when both refuse a record but one of them for a field the other does not, that problem starts <c>under the baseline
    /// policy only (version V; the proposed policy, version W, refuses it too, for F): </c> (or the same with the policies
    /// swapped), the proposed policy's lines of that record right after the baseline's last.
    /// </returns>
    /// <exception cref="ArgumentException">The reports have different as-of dates or as-of instants.</exception>
    public static ImpactReport Compare(EvaluationReport baseline, EvaluationReport proposed)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(proposed);
        if (baseline.AsOf != proposed.AsOf)
        {
            throw new ArgumentException("The reports have different as-of dates, so their differences are not the policy's: evaluate both as of the same date.", nameof(proposed));
        }

        if (baseline.AsOfInstant != proposed.AsOfInstant)
        {
            throw new ArgumentException("The reports have different as-of instants, so their differences are not the policy's: evaluate both with the same as-of date option (a given date ends at midnight in the UK; none takes the snapshot's extractedAt).", nameof(proposed));
        }

        if (!baseline.IsEvaluated || !proposed.IsEvaluated)
        {
            return NotEvaluated(BothPolicies(baseline, proposed), baseline.AsOf, baseline.PolicyVersion, proposed.PolicyVersion);
        }

        var changes = Differences(baseline.Findings, proposed.Findings);
        changes.Sort(ChangeOrder);

        return new ImpactReport
        {
            IsEvaluated = true,
            Problems = [],
            AsOf = baseline.AsOf,
            BaselinePolicyVersion = baseline.PolicyVersion,
            ProposedPolicyVersion = proposed.PolicyVersion,
            Changes = changes,
            Raised = changes.Count(static c => c.Change == FindingChangeKind.Raised),
            Cleared = changes.Count(static c => c.Change == FindingChangeKind.Cleared),
            Changed = changes.Count(static c => c.Change == FindingChangeKind.Changed),
            Kinds = KindsOverall(baseline.Findings, proposed.Findings, changes),
            Teams = ByTeam(baseline.Findings, proposed.Findings, changes),
            AffectedOffenders = Distinct(changes.Select(static c => c.OffenderId)),
            AffectedManagers = Distinct(changes.Select(static c => c.ManagerId)),
            AffectedTeams = Distinct(changes.Select(static c => c.TeamId)),
        };
    }

    private static ImpactReport NotEvaluated(IReadOnlyList<InputProblem> problems, DateOnly asOf, string baselineVersion, string proposedVersion) => new()
    {
        IsEvaluated = false,
        Problems = problems,
        AsOf = asOf,
        BaselinePolicyVersion = baselineVersion,
        ProposedPolicyVersion = proposedVersion,
        Changes = [],
        Raised = 0,
        Cleared = 0,
        Changed = 0,
        Kinds = [],
        Teams = [],
        AffectedOffenders = [],
        AffectedManagers = [],
        AffectedTeams = [],
    };

    private static List<FindingChange> Differences(IReadOnlyList<Finding> baseline, IReadOnlyList<Finding> proposed)
    {
        var before = ByKey(baseline);
        var changes = new List<FindingChange>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var after in proposed)
        {
            var key = Occurrence(after.Id, seen);
            if (!before.Remove(key, out var old))
            {
                changes.Add(Change(FindingChangeKind.Raised, null, after, []));
                continue;
            }

            var fields = FindingSchema.Differences(old, after, FindingComparison.EveryField)
                .Select(field => new FieldChange { Field = field.Name, Baseline = field.Format(old), Proposed = field.Format(after) })
                .ToList();
            if (fields.Count > 0)
            {
                changes.Add(Change(FindingChangeKind.Changed, old, after, fields));
            }
        }

        foreach (var old in before.Values)
        {
            changes.Add(Change(FindingChangeKind.Cleared, old, null, []));
        }

        return changes;
    }

    /// <summary>The findings by key; a key a host rule repeats gets its occurrence number, so repeats pair up in order.</summary>
    private static Dictionary<string, Finding> ByKey(IReadOnlyList<Finding> findings)
    {
        var byKey = new Dictionary<string, Finding>(findings.Count, StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            byKey.Add(Occurrence(finding.Id, seen), finding);
        }

        return byKey;
    }

    private static string Occurrence(string key, Dictionary<string, int> seen)
    {
        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(seen, key, out _);
        count++;
        return count == 1 ? key : key + "#" + count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static FindingChange Change(FindingChangeKind change, Finding? baseline, Finding? proposed, IReadOnlyList<FieldChange> fields)
    {
        var subject = (proposed ?? baseline)!;
        return new FindingChange
        {
            Change = change,
            Key = subject.Id,
            Kind = subject.Kind,
            OffenderId = subject.OffenderId,
            ManagerId = subject.ManagerId,
            TeamId = subject.TeamId,
            Baseline = baseline,
            Proposed = proposed,
            Fields = fields,
        };
    }

    private static int ChangeOrder(FindingChange x, FindingChange y)
    {
        var order = string.CompareOrdinal(x.TeamId, y.TeamId);
        if (order == 0)
        {
            order = KindOrder(x.Kind, y.Kind);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(x.ManagerId, y.ManagerId);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(x.OffenderId, y.OffenderId);
        }

        if (order == 0)
        {
            order = Nullable.Compare((x.Proposed ?? x.Baseline)!.Index, (y.Proposed ?? y.Baseline)!.Index);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(x.Key, y.Key);
        }

        return order == 0 ? x.Change.CompareTo(y.Change) : order;
    }

    /// <summary>The contract's kinds in table order, then other kinds by name.</summary>
    private static int KindOrder(string x, string y)
    {
        var order = FindingKinds.OrderOf(x).CompareTo(FindingKinds.OrderOf(y));
        return order != 0 ? order : string.CompareOrdinal(x, y);
    }

    private static List<KindImpact> KindsOverall(IReadOnlyList<Finding> baseline, IReadOnlyList<Finding> proposed, List<FindingChange> changes)
    {
        var before = CountBy(baseline, static f => f.Kind);
        var after = CountBy(proposed, static f => f.Kind);
        var kinds = FindingKinds.All.Concat(before.Keys).Concat(after.Keys).Distinct(StringComparer.Ordinal).ToList();
        kinds.Sort(KindOrder);
        return kinds.Select(kind => Kind(kind, Count(before, kind), Count(after, kind), changes.Where(c => c.Kind == kind))).ToList();
    }

    private static List<TeamImpact> ByTeam(IReadOnlyList<Finding> baseline, IReadOnlyList<Finding> proposed, List<FindingChange> changes)
    {
        var before = CountBy(baseline, static f => new TeamKind(f.TeamId, f.Kind));
        var after = CountBy(proposed, static f => new TeamKind(f.TeamId, f.Kind));
        var teams = new List<TeamImpact>();
        var start = 0;
        while (start < changes.Count)
        {
            // The changes are sorted by team, then kind: each run of one team is one group, and within it each run of one kind.
            var teamId = changes[start].TeamId;
            var end = start;
            while (end < changes.Count && string.Equals(changes[end].TeamId, teamId, StringComparison.Ordinal))
            {
                end++;
            }

            var team = changes.GetRange(start, end - start);
            var kinds = team
                .GroupBy(static c => c.Kind, StringComparer.Ordinal)
                .Select(g => Kind(g.Key, Count(before, new(teamId, g.Key)), Count(after, new(teamId, g.Key)), g))
                .ToList();
            teams.Add(new TeamImpact
            {
                TeamId = teamId,
                Raised = kinds.Sum(static k => k.Raised),
                Cleared = kinds.Sum(static k => k.Cleared),
                Changed = kinds.Sum(static k => k.Changed),
                Kinds = kinds,
            });
            start = end;
        }

        return teams;
    }

    private static KindImpact Kind(string kind, int baseline, int proposed, IEnumerable<FindingChange> changes)
    {
        int raised = 0, cleared = 0, changed = 0;
        foreach (var change in changes)
        {
            switch (change.Change)
            {
                case FindingChangeKind.Raised:
                    raised++;
                    break;
                case FindingChangeKind.Cleared:
                    cleared++;
                    break;
                default:
                    changed++;
                    break;
            }
        }

        return new KindImpact { Kind = kind, Baseline = baseline, Proposed = proposed, Raised = raised, Cleared = cleared, Changed = changed };
    }

    private static Dictionary<TKey, int> CountBy<TKey>(IReadOnlyList<Finding> findings, Func<Finding, TKey> key)
        where TKey : notnull
    {
        var counts = new Dictionary<TKey, int>();
        foreach (var finding in findings)
        {
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, key(finding), out _)++;
        }

        return counts;
    }

    private static int Count<TKey>(Dictionary<TKey, int> counts, TKey key)
        where TKey : notnull => counts.TryGetValue(key, out var count) ? count : 0;

    private static List<string> Distinct(IEnumerable<string?> ids)
    {
        var distinct = ids.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        distinct.Sort(StringComparer.Ordinal);
        return distinct;
    }

    /// <summary>A team (or none) and a kind: the key of the per-team counts.</summary>
    private readonly record struct TeamKind(string? TeamId, string Kind);
}
