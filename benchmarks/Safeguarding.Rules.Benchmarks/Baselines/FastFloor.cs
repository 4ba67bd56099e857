using System.Globalization;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Benchmarks.Baselines;

/// <summary>
/// The floor: the whole evaluation written for speed by hand, with nothing in the way. The same input as the engine
/// (a <see cref="CaseloadSnapshot"/>, the caller's as-of date, a policy), validated (contract sections 3, 6 and 8: every
/// check, counted rather than described: the floor has no partial-results mode and stops on any problem, as the engine
/// does by default), then every kind the engine evaluates (sections 2, 5 and 6) as <see cref="Finding"/> records in
/// contract order, overrides applied (section 8), and the same summary and outcome measures. Records are reduced to
/// integer arrays (day numbers, positions) once; no LINQ; the offender, visit and briefing passes run in parallel
/// chunks; each kind is sorted on its own (in parallel) by integer group keys before any string comparison.
/// </summary>
/// <remarks>
/// Every field of every finding, the order, the suppressed findings and the summary are checked equal to the engine's
/// report before any timing (<c>Support/FloorCheck</c>); the reason text is built from the same ids, dates and numbers
/// (so its cost is counted) but not worded exactly as the rules word it, so it is the one field not compared.
/// </remarks>
public static partial class FastFloor
{
    private const int None = int.MinValue;

    /// <summary>Evaluates <paramref name="snapshot"/> as of <paramref name="asOf"/> (the caller's date) under <paramref name="policy"/>.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="asOf">The caller's as-of date D; the as-of instant is the end of D in UK time.</param>
    /// <param name="policy">A valid policy.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the parallel passes; default every core.</param>
    /// <returns>The report, or one not evaluated with the number of problems found.</returns>
    public static FloorReport Evaluate(CaseloadSnapshot snapshot, DateOnly asOf, SafeguardingPolicy policy, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(policy);
        var threads = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
        var day = asOf.DayNumber;
        var asOfInstant = Rules.ChildProtection.AsOfInstant.EndOf(asOf);
        var problems = 0;
        if (snapshot.SchemaVersion is { } version && version != 1)
        {
            problems++;
        }

        if (snapshot.ExtractedAt is { } extracted && snapshot.AsOf is { } snapshotAsOf && Evaluation.UkTime.LocalDate(extracted) != snapshotAsOf)
        {
            problems++;
        }

        // Teams and managers (small): positions, and each manager's team position (-1 none).
        Dictionary<string, int>? listedTeams = null;
        var teamIds = new List<string>();
        var teamOf = new Dictionary<string, int>(StringComparer.Ordinal);
        if (snapshot.Teams is { } teams)
        {
            listedTeams = new Dictionary<string, int>(teams.Count, StringComparer.Ordinal);
            var duplicated = new HashSet<string>(StringComparer.Ordinal);
            for (var t = 0; t < teams.Count; t++)
            {
                var id = teams[t]?.Id;
                if (string.IsNullOrEmpty(id))
                {
                    problems++;
                }
                else if (!listedTeams.TryAdd(id, t))
                {
                    problems += duplicated.Add(id) ? 2 : 1;
                }
            }

            foreach (var team in teams)
            {
                if (team?.Id is { Length: > 0 } id && !duplicated.Contains(id) && teamOf.TryAdd(id, teamIds.Count))
                {
                    teamIds.Add(id);
                }
            }
        }

        var managers = snapshot.Managers;
        var managerOf = new Dictionary<string, int>(managers.Count, StringComparer.Ordinal);
        var managerTeam = new int[managers.Count];
        for (var m = 0; m < managers.Count; m++)
        {
            var manager = managers[m];
            if (manager is null || string.IsNullOrEmpty(manager.Id))
            {
                problems++;
                continue;
            }

            if (!managerOf.TryAdd(manager.Id, m))
            {
                problems++;
            }

            managerTeam[m] = -1;
            if (manager.TeamId is { } teamId)
            {
                if (teamId.Length == 0 || (listedTeams is not null && !teamOf.ContainsKey(teamId)))
                {
                    problems++;
                }
                else if (!teamOf.TryGetValue(teamId, out managerTeam[m]))
                {
                    managerTeam[m] = teamIds.Count;
                    teamOf[teamId] = teamIds.Count;
                    teamIds.Add(teamId);
                }
            }
        }

        if (problems > 0)
        {
            return NotEvaluated(problems);
        }

        // Offenders: the id index on one thread while the other threads check the records and resolve their managers.
        var offenders = snapshot.Offenders;
        var count = offenders.Count;
        var offenderOf = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var offenderManager = new int[count];
        var registered = new bool[count];
        var offenderProblems = 0;
        Parallel.Invoke(
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            () =>
            {
                var found = 0;
                for (var i = 0; i < count; i++)
                {
                    if (offenders[i]?.Id is { Length: > 0 } id && !offenderOf.TryAdd(id, i))
                    {
                        found++;
                    }
                }

                Interlocked.Add(ref offenderProblems, found);
            },
            () =>
            {
                var found = 0;
                for (var i = 0; i < count; i++)
                {
                    var offender = offenders[i];
                    if (offender is null || string.IsNullOrEmpty(offender.Id))
                    {
                        found++;
                        continue;
                    }

                    if ((uint)offender.RiskLevel > (uint)RiskLevel.VeryHigh
                        || offender.VisitIntervalDays is < 1 or > 730
                        || offender.MappaLevel is < 1 or > 3
                        || offender.NeighbourhoodId is { Length: 0 })
                    {
                        found++;
                    }

                    var position = -1;
                    if (offender.ManagerId is { } managerId && !managerOf.TryGetValue(managerId, out position))
                    {
                        found++;
                    }

                    offenderManager[i] = position;
                    registered[i] = offender.RegisteredOn.DayNumber <= day;
                }

                Interlocked.Add(ref offenderProblems, found);
            });
        problems += offenderProblems;
        if (problems > 0)
        {
            return NotEvaluated(problems);
        }

        // Visits and briefings: each record reduced to (offender position, day, outcome) in parallel chunks, then the
        // per-offender aggregates in two sequential passes over the integer arrays.
        var visits = snapshot.Visits;
        var briefings = snapshot.Briefings;
        var visitOffender = new int[visits.Count];
        var visitDay = new int[visits.Count];
        var visitOutcome = new byte[visits.Count];
        var briefingOffender = new int[briefings.Count];
        var briefingDay = new int[briefings.Count];
        var recordProblems = 0;
        Chunked(visits.Count + briefings.Count, threads, (from, to) =>
        {
            var found = 0;
            for (var r = from; r < to; r++)
            {
                if (r < visits.Count)
                {
                    var visit = visits[r];
                    visitOffender[r] = -1;
                    if (visit is null || string.IsNullOrEmpty(visit.OffenderId) || !offenderOf.TryGetValue(visit.OffenderId, out var i) || (uint)visit.Outcome > (uint)VisitOutcome.Cancelled)
                    {
                        found++;
                        continue;
                    }

                    if (registered[i] && visit.Date.DayNumber <= day)
                    {
                        visitOffender[r] = i;
                        visitDay[r] = visit.Date.DayNumber;
                        visitOutcome[r] = (byte)visit.Outcome;
                    }
                }
                else
                {
                    var b = r - visits.Count;
                    var briefing = briefings[b];
                    briefingOffender[b] = -1;
                    if (briefing is null || string.IsNullOrEmpty(briefing.OffenderId) || string.IsNullOrEmpty(briefing.NeighbourhoodId)
                        || !offenderOf.TryGetValue(briefing.OffenderId, out var i))
                    {
                        found++;
                        continue;
                    }

                    if (registered[i] && briefing.Date.DayNumber <= day && string.Equals(briefing.NeighbourhoodId, offenders[i].NeighbourhoodId, StringComparison.Ordinal))
                    {
                        briefingOffender[b] = i;
                        briefingDay[b] = briefing.Date.DayNumber;
                    }
                }
            }

            Interlocked.Add(ref recordProblems, found);
        });
        problems += recordProblems;
        problems += CheckChildProtection(snapshot, listedTeams is null ? null : teamOf);
        problems += CheckOverrides(snapshot.Overrides, policy);
        if (problems > 0)
        {
            return NotEvaluated(problems);
        }

        var lastCompleted = new int[count];
        var latestBriefing = new int[count];
        Array.Fill(lastCompleted, None);
        Array.Fill(latestBriefing, None);
        for (var r = 0; r < visitOffender.Length; r++)
        {
            var i = visitOffender[r];
            if (i >= 0 && visitOutcome[r] == (byte)VisitOutcome.Completed && visitDay[r] > lastCompleted[i])
            {
                lastCompleted[i] = visitDay[r];
            }
        }

        var noAccess = new int[count];
        for (var r = 0; r < visitOffender.Length; r++)
        {
            var i = visitOffender[r];
            if (i >= 0 && visitOutcome[r] == (byte)VisitOutcome.NoAccess && visitDay[r] > lastCompleted[i])
            {
                noAccess[i]++;
            }
        }

        for (var b = 0; b < briefingOffender.Length; b++)
        {
            var i = briefingOffender[b];
            if (i >= 0 && briefingDay[b] > latestBriefing[i])
            {
                latestBriefing[i] = briefingDay[b];
            }
        }

        // Caseloads, then each manager's and team's place in the contract order (ordinal ranks).
        var caseload = new int[managers.Count];
        var evaluated = 0;
        var notYetRegistered = 0;
        var needing = new int[4];
        for (var i = 0; i < count; i++)
        {
            if (!registered[i])
            {
                notYetRegistered++;
                continue;
            }

            evaluated++;
            var offender = offenders[i];
            if (offenderManager[i] >= 0 && !offender.InCustody)
            {
                caseload[offenderManager[i]]++;
            }

            if (!offender.InCustody && !(offender.ReactiveManagement && offender.RiskLevel == RiskLevel.Low))
            {
                needing[(int)offender.RiskLevel]++;
            }
        }

        var teamRank = Ranks(teamIds);
        var managerIds = new string[managers.Count];
        for (var m = 0; m < managers.Count; m++)
        {
            managerIds[m] = managers[m].Id;
        }

        var managerRank = Ranks(managerIds);
        var managerKey = new long[managers.Count];
        for (var m = 0; m < managers.Count; m++)
        {
            managerKey[m] = ((long)(managerTeam[m] < 0 ? 0 : teamRank[managerTeam[m]] + 1) << 32) | (uint)(managerRank[m] + 1);
        }

        // The offenders' findings, in parallel chunks.
        var context = new OffenderContext(policy, day, offenders, offenderManager, registered, lastCompleted, noAccess, latestBriefing, caseload, managers, managerKey, managerTeam, teamIds.Count);
        var chunks = count >= 16_384 ? threads * 4 : 1;
        var parts = new OffenderPart[chunks];
        Chunked(count, chunks, threads, (chunk, from, to) => parts[chunk] = context.Run(from, to));

        // Managers' and teams' findings.
        var buckets = new List<Entry>[Kinds.Length];
        for (var k = 0; k < buckets.Length; k++)
        {
            var size = 0;
            foreach (var part in parts)
            {
                size += part.Buckets[k]?.Count ?? 0;
            }

            buckets[k] = new List<Entry>(size);
            foreach (var part in parts)
            {
                if (part.Buckets[k] is { } entries)
                {
                    buckets[k].AddRange(entries);
                }
            }
        }

        var teamCaseload = new int[teamIds.Count];
        for (var m = 0; m < managers.Count; m++)
        {
            var load = caseload[m];
            if (managerTeam[m] >= 0)
            {
                teamCaseload[managerTeam[m]] += load;
            }

            var critical = load > policy.Caseload.Critical;
            if (critical || load > policy.Caseload.Target)
            {
                var kind = critical ? KindCaseloadCritical : KindCaseloadAboveTarget;
                buckets[kind].Add(new Entry(managerKey[m], string.Empty, new Finding
                {
                    Kind = Kinds[kind],
                    Rule = Kinds[kind],
                    Reason = "Manager " + managers[m].Id + " holds " + Number(load) + " cases, above the " + (critical ? "critical level of " + Number(policy.Caseload.Critical) : "target of " + Number(policy.Caseload.Target)) + ".",
                    ManagerId = managers[m].Id,
                    TeamId = managers[m].TeamId,
                    Caseload = load,
                }));
            }
        }

        var overdueByTeam = new int[teamIds.Count];
        var daysOverdue = new List<int>();
        var overdueByRisk = new int[4];
        var escalations = new int[3];
        foreach (var part in parts)
        {
            for (var t = 0; t < overdueByTeam.Length; t++)
            {
                overdueByTeam[t] += part.OverdueByTeam[t];
            }

            for (var r = 0; r < 4; r++)
            {
                overdueByRisk[r] += part.OverdueByRisk[r];
            }

            for (var e = 0; e < 3; e++)
            {
                escalations[e] += part.Escalations[e];
            }

            daysOverdue.AddRange(part.DaysOverdue);
        }

        var backlogPercent = policy.Escalation.UnitBacklogPercent;
        for (var t = 0; t < teamIds.Count; t++)
        {
            if (overdueByTeam[t] * 100m > backlogPercent * teamCaseload[t])
            {
                buckets[KindUnitBacklog].Add(new Entry((long)(teamRank[t] + 1) << 32, string.Empty, new Finding
                {
                    Kind = Kinds[KindUnitBacklog],
                    Rule = Kinds[KindUnitBacklog],
                    Reason = "Team " + teamIds[t] + ": " + Number(overdueByTeam[t]) + " overdue visits against a caseload of " + Number(teamCaseload[t]) + ".",
                    TeamId = teamIds[t],
                    OverdueVisits = overdueByTeam[t],
                    Caseload = teamCaseload[t],
                }));
            }
        }

        var childProtection = EvaluateChildProtection(snapshot, asOf, asOfInstant, policy.ChildProtection, buckets);

        // Each kind sorted on its own, the kinds in parallel.
        Parallel.For(0, buckets.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, k =>
        {
            if (buckets[k].Count > 1)
            {
                buckets[k].Sort(k >= FirstChildProtectionKind ? ChildProtectionOrder.Instance : EntryOrder.Instance);
            }
        });

        return Report(buckets, snapshot.Overrides, asOf, new Tallies(count, evaluated, notYetRegistered, needing, overdueByRisk, escalations, daysOverdue, childProtection));
    }

    private static FloorReport NotEvaluated(int problems) => new()
    {
        IsEvaluated = false,
        ProblemCount = problems,
        Findings = [],
        Suppressed = [],
        Summary = new EvaluationSummary
        {
            FindingsByKind = new Dictionary<string, int>(),
            Escalations = new Dictionary<EscalationLevel, int>(),
            Outcomes = new OutcomeMeasures { VisitedWithinPolicyPercent = new Dictionary<RiskLevel, decimal>() },
        },
    };

    /// <summary>Each id's position in ordinal order.</summary>
    private static int[] Ranks(IReadOnlyList<string> ids)
    {
        var order = new int[ids.Count];
        var keys = new string[ids.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            keys[i] = ids[i];
        }

        Array.Sort(keys, order, StringComparer.Ordinal);
        var rank = new int[ids.Count];
        for (var r = 0; r < order.Length; r++)
        {
            rank[order[r]] = r;
        }

        return rank;
    }

    private static void Chunked(int count, int threads, Action<int, int> body) =>
        Chunked(count, count >= 16_384 ? threads * 4 : 1, threads, (_, from, to) => body(from, to));

    private static void Chunked(int count, int chunks, int threads, Action<int, int, int> body)
    {
        if (chunks == 1)
        {
            body(0, 0, count);
            return;
        }

        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, chunk =>
            body(chunk, (int)((long)count * chunk / chunks), (int)((long)count * (chunk + 1) / chunks)));
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
