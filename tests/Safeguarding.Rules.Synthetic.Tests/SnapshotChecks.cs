using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Synthetic.Tests;

/// <summary>The contract's section 3 rules, checked independently of the library's validator.</summary>
internal static class SnapshotChecks
{
    public static List<string> ContractViolations(CaseloadSnapshot snapshot)
    {
        var violations = new List<string>();
        if (snapshot.SchemaVersion is { } version && version != 1)
        {
            violations.Add($"schemaVersion {version}");
        }

        var teams = UniqueIds(snapshot.Teams ?? [], t => t.Id, "teams", violations);
        var managers = UniqueIds(snapshot.Managers, m => m.Id, "managers", violations);
        var offenders = UniqueIds(snapshot.Offenders, o => o.Id, "offenders", violations);

        foreach (var manager in snapshot.Managers)
        {
            if (snapshot.Teams is not null && manager.TeamId is { } teamId && !teams.Contains(teamId))
            {
                violations.Add($"manager {manager.Id}: unknown team {teamId}");
            }
        }

        foreach (var offender in snapshot.Offenders)
        {
            if (offender.ManagerId is { } managerId && !managers.Contains(managerId))
            {
                violations.Add($"offender {offender.Id}: unknown manager {managerId}");
            }

            if (offender.VisitIntervalDays is { } interval && (interval < 1 || interval > 730))
            {
                violations.Add($"offender {offender.Id}: visitIntervalDays {interval}");
            }

            if (offender.MappaLevel is { } level && (level < 1 || level > 3))
            {
                violations.Add($"offender {offender.Id}: mappaLevel {level}");
            }

            if (!Enum.IsDefined(offender.RiskLevel))
            {
                violations.Add($"offender {offender.Id}: riskLevel {offender.RiskLevel}");
            }

            if (offender.NeighbourhoodId is { Length: 0 })
            {
                violations.Add($"offender {offender.Id}: empty neighbourhoodId");
            }
        }

        foreach (var visit in snapshot.Visits)
        {
            if (!offenders.Contains(visit.OffenderId))
            {
                violations.Add($"visit: unknown offender {visit.OffenderId}");
            }

            if (!Enum.IsDefined(visit.Outcome))
            {
                violations.Add($"visit of {visit.OffenderId}: outcome {visit.Outcome}");
            }
        }

        foreach (var briefing in snapshot.Briefings)
        {
            if (!offenders.Contains(briefing.OffenderId))
            {
                violations.Add($"briefing: unknown offender {briefing.OffenderId}");
            }

            if (string.IsNullOrEmpty(briefing.NeighbourhoodId))
            {
                violations.Add($"briefing of {briefing.OffenderId}: empty neighbourhoodId");
            }
        }

        return violations;
    }

    private static HashSet<string> UniqueIds<T>(IEnumerable<T> records, Func<T, string> id, string array, List<string> violations)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var value = id(record);
            if (string.IsNullOrEmpty(value))
            {
                violations.Add($"{array}: empty id");
            }
            else if (!ids.Add(value))
            {
                violations.Add($"{array}: duplicate id {value}");
            }
        }

        return ids;
    }
}
