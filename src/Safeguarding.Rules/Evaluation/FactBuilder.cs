using Safeguarding.Rules.Caseload;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Validation;
using Safeguarding.Rules.Visits;

namespace Safeguarding.Rules.Evaluation;

/// <summary>
/// Builds the working facts (team, manager, offender and rejected-record facts) of a validated snapshot,
/// pre-aggregating in plain C# what would otherwise be large joins (caseload per manager and team, with the record
/// aggregates of <see cref="RecordAggregates"/>), then splits them into independent partitions by team. Who counts
/// toward a caseload and who needs visits are the policy folders' own functions.
/// </summary>
internal sealed class FactBuilder
{
    private const int NoTeam = -1;

    public required List<Partition> Partitions { get; init; }

    public required int Evaluated { get; init; }

    public required int NotYetRegistered { get; init; }

    /// <summary>Creates the offender fact of a snapshot index (what the partitions create their offender facts with; explanations use it too).</summary>
    public required OffenderInputs Inputs { get; init; }

    /// <summary>Offenders needing visits, per risk level (indexed by <see cref="RiskLevel"/>).</summary>
    public required int[] NeedingVisits { get; init; }

    /// <summary>
    /// Builds the facts and partitions of <paramref name="input"/>. With a <paramref name="filter"/>, the partitions list
    /// only the offenders whose fact can match a rule (tested here, in snapshot order); without one (explanations,
    /// tests), every evaluated offender.
    /// </summary>
    public static FactBuilder Build(ValidatedSnapshot input, RecordAggregates records, DateOnly asOf, PolicyView policy, bool includeRejected, int partitionSize, int maxDegreeOfParallelism = 1, MatchFilter? filter = null)
    {
        var snapshot = input.Snapshot;
        var offenders = snapshot.Offenders;

        // Teams and managers.
        var teamIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var teams = new List<TeamCase>();
        if (input.ValidTeams is { } validTeams)
        {
            foreach (var team in snapshot.Teams!)
            {
                if (team?.Id is { } id && validTeams.Contains(id) && !teamIndex.ContainsKey(id))
                {
                    teamIndex[id] = teams.Count;
                    teams.Add(new TeamCase(id, asOf, policy));
                }
            }
        }

        var snapshotManagers = snapshot.Managers;
        var managers = new ManagerCase?[snapshotManagers.Count];
        var managerTeams = new int[snapshotManagers.Count];
        for (var m = 0; m < snapshotManagers.Count; m++)
        {
            var manager = snapshotManagers[m];
            if (manager?.Id is not { } id || !input.ValidManagers.TryGetValue(id, out var valid) || valid != m)
            {
                continue;
            }

            managers[m] = new ManagerCase(id, manager.TeamId, asOf, policy);
            var team = NoTeam;
            if (manager.TeamId is { } teamId)
            {
                if (!teamIndex.TryGetValue(teamId, out team))
                {
                    // No teams list: the team is known from the managers' team ids.
                    team = teams.Count;
                    teamIndex[teamId] = team;
                    teams.Add(new TeamCase(teamId, asOf, policy));
                }
            }

            managerTeams[m] = team;
        }

        // Which offenders are evaluated (valid, and registered by the as-of date), caseloads, and which team each evaluated
        // offender belongs to: one pass over the offender records (scattered in memory, so each costs a cache miss), in
        // parallel chunks merged in order, so that each group lists its offenders in snapshot order. The offender facts
        // themselves are created per partition, just before its session runs, so that they die young instead of living
        // through the whole evaluation (and through garbage collections) as one large set.
        var passes = new OffenderPass[Chunks.For(offenders.Count, maxDegreeOfParallelism)];
        Chunks.Run(passes.Length, offenders.Count, (chunk, from, to) =>
        {
            var pass = passes[chunk] = new OffenderPass(managers.Length, teams.Count + 1);
            for (var i = from; i < to; i++)
            {
                if (!input.OffenderValid[i])
                {
                    continue;
                }

                var offender = offenders[i];
                if (offender.RegisteredOn > asOf)
                {
                    pass.NotYetRegistered++;
                    continue;
                }

                pass.Evaluated++;
                var managerPosition = input.OffenderManager[i];
                var manager = managerPosition >= 0 ? managers[managerPosition] : null;
                if (manager is not null && CaseloadMembership.Counts(offender.InCustody))
                {
                    pass.Caseloads[managerPosition]++;
                }

                if (VisitSchedule.NeedsVisits(offender.InCustody, offender.ReactiveManagement, offender.RiskLevel))
                {
                    pass.Needing[(int)offender.RiskLevel]++;
                }

                pass.Group((manager is null ? NoTeam : managerTeams[managerPosition]) + 1).Add(i);
            }
        });

        int evaluatedCount = 0, notYetRegistered = 0;
        var needing = new int[4];
        var groupOffenderIndexes = new List<int>[teams.Count + 1];
        for (var g = 0; g < groupOffenderIndexes.Length; g++)
        {
            groupOffenderIndexes[g] = [];
        }

        foreach (var pass in passes)
        {
            evaluatedCount += pass.Evaluated;
            notYetRegistered += pass.NotYetRegistered;
            for (var r = 0; r < needing.Length; r++)
            {
                needing[r] += pass.Needing[r];
            }

            for (var m = 0; m < managers.Length; m++)
            {
                if (managers[m] is { } manager)
                {
                    manager.Caseload += pass.Caseloads[m];
                }
            }

            for (var g = 0; g < groupOffenderIndexes.Length; g++)
            {
                if (pass.Groups[g] is { } indexes)
                {
                    groupOffenderIndexes[g].AddRange(indexes);
                }
            }
        }

        var inputs = new OffenderInputs(offenders, managers, input.OffenderManager, records.LastCompleted, records.NoAccessSinceLastCompleted, records.LatestBriefing, asOf, policy);

        for (var m = 0; m < managers.Length; m++)
        {
            if (managers[m] is { } manager)
            {
                manager.IsCaseloadCritical = CaseloadMembership.IsCritical(manager.Caseload, policy.Caseload.Critical);
                if (managerTeams[m] != NoTeam)
                {
                    teams[managerTeams[m]].Caseload += manager.Caseload;
                }
            }
        }

        // Which evaluated offenders' facts can match a rule, tested in snapshot order once every caseload is known (a condition
        // may read the manager's). A partition's offenders are scattered through the snapshot (a team's managers hold
        // offenders from all over it), so a fact created in partition order costs a cache miss on its record, where this
        // pass reads the records in the order they lie in memory; the partitions then create only the facts that passed,
        // about one in five at the generator's rates. Each chunk refills one fact object.
        bool[]? mayMatch = null;
        if (filter?.For(typeof(OffenderCase)) is { } test)
        {
            var kept = mayMatch = new bool[offenders.Count];
            Chunks.Run(passes.Length, offenders.Count, (_, from, to) =>
            {
                OffenderCase? fact = null;
                for (var i = from; i < to; i++)
                {
                    if (input.OffenderValid[i] && offenders[i].RegisteredOn <= asOf)
                    {
                        fact = inputs.Create(i, fact);
                        kept[i] = MatchFilter.Passes(test, fact);
                    }
                }
            });
        }

        // Group by team (no rule relates facts of different teams), then pack teams into partitions.
        var groups = new List<object>[teams.Count + 1];
        for (var g = 0; g < groups.Length; g++)
        {
            groups[g] = [];
        }

        for (var t = 0; t < teams.Count; t++)
        {
            groups[t + 1].Add(teams[t]);
        }

        for (var m = 0; m < managers.Length; m++)
        {
            if (managers[m] is { } manager)
            {
                groups[managerTeams[m] + 1].Add(manager);
            }
        }

        if (includeRejected)
        {
            foreach (var rejected in input.RejectedOffenders)
            {
                groups[0].Add(new RejectedOffender(rejected.Index, rejected.Id, rejected.Fields));
            }
        }

        // Partitions take the teams in ordinal order of id (after the group with no team), so that each partition's sorted
        // findings follow the previous partition's in the contract's order, and the report only concatenates them.
        var packingOrder = new int[groups.Length];
        for (var g = 0; g < packingOrder.Length; g++)
        {
            packingOrder[g] = g;
        }

        Array.Sort(packingOrder, 1, teams.Count, Comparer<int>.Create((a, b) => string.CompareOrdinal(teams[a - 1].Id, teams[b - 1].Id)));

        var partitions = new List<Partition>();
        var filtered = mayMatch is not null;
        var current = new Partition(inputs, filtered);
        foreach (var g in packingOrder)
        {
            // A partition's size counts the offenders its session will hold: with the filter, those whose fact can match a
            // rule. Group 0 (no team) also holds the rejected records, each weighing as one offender.
            var indexes = groupOffenderIndexes[g];
            if (mayMatch is not null)
            {
                indexes.RemoveAll(index => !mayMatch[index]);
            }

            var size = indexes.Count + (g == 0 && includeRejected ? input.RejectedOffenders.Count : 0);
            if (current.Offenders > 0 && current.Offenders + size > partitionSize)
            {
                partitions.Add(current);
                current = new Partition(inputs, filtered);
            }

            current.Facts.AddRange(groups[g]);
            current.OffenderIndexes.AddRange(indexes);
            current.Offenders += size;
        }

        if (current.Facts.Count > 0 || current.OffenderIndexes.Count > 0 || partitions.Count == 0)
        {
            partitions.Add(current);
        }

        return new FactBuilder
        {
            Partitions = partitions,
            Evaluated = evaluatedCount,
            NotYetRegistered = notYetRegistered,
            NeedingVisits = needing,
            Inputs = inputs,
        };
    }

    /// <summary>What one chunk of the offender pass found: counts, caseloads by manager position, and offenders by group.</summary>
    private sealed class OffenderPass(int managers, int groups)
    {
        public int Evaluated { get; set; }

        public int NotYetRegistered { get; set; }

        public int[] Needing { get; } = new int[4];

        public int[] Caseloads { get; } = new int[managers];

        public List<int>?[] Groups { get; } = new List<int>?[groups];

        public List<int> Group(int group) => Groups[group] ??= [];
    }

}
