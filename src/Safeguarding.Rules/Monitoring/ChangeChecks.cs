using System.Globalization;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Monitoring;

/// <summary>The checks the changes share: a record's own fields (as contract section 3 checks them) and its references.</summary>
internal static class ChangeChecks
{
    public const string OffenderRecord = "offender";
    public const string VisitRecord = "visit";
    public const string BriefingRecord = "briefing";
    public const string ManagerRecord = "manager";
    public const string AsOfRecord = "asOf";
    public const string OverrideRecord = "override";
    public const string StrategyDiscussionRecord = "strategyDiscussion";
    public const string DetentionRecord = "detention";
    public const string PoliceProtectionRecord = "policeProtection";

    /// <summary>
    /// Checks a record as a snapshot holding only it (and the monitored teams) would be checked (contract sections 3, 6
    /// and 8), under the monitor's policy, so a change is accepted exactly when the record would be in a snapshot; each
    /// problem names the field (a nested one by its path, e.g. <c>interviews[0].startedAt</c>).
    /// </summary>
    public static void AsInSnapshot(MonitorState state, CaseloadSnapshot single, string record, List<ChangeProblem> problems)
    {
        var validated = SnapshotValidator.Validate(SnapshotReadResult.FromCode(single), 1, null, state.Policy);
        foreach (var problem in validated.Problems)
        {
            problems.Add(new(record, problem.Id, problem.Field, problem.Problem));
        }
    }

    /// <summary>A child-protection record may not take the id of a record the monitor holds as rejected (partial results): in a snapshot, both would be rejected as duplicates.</summary>
    public static void NotRejected(MonitorState state, string array, string? id, string record, List<ChangeProblem> problems)
    {
        if (!string.IsNullOrEmpty(id) && state.IsRejectedId(array, id))
        {
            problems.Add(new(record, id, "id", "duplicate id: a rejected record of " + array + " has it, and every record with it would be rejected"));
        }
    }

    /// <summary>Checks an offender record's own fields; the manager reference is checked by <see cref="ManagerReference"/>.</summary>
    /// <returns>Whether the record is there with an id, so that its id can be looked up.</returns>
    public static bool OffenderFields(Offender? offender, List<ChangeProblem> problems)
    {
        if (offender is null)
        {
            problems.Add(new(OffenderRecord, null, "offender", "is required"));
            return false;
        }

        var id = string.IsNullOrEmpty(offender.Id) ? null : offender.Id;
        if (id is null)
        {
            problems.Add(new(OffenderRecord, null, "id", "must be a non-empty string"));
        }

        if (!Enum.IsDefined(offender.RiskLevel))
        {
            problems.Add(new(OffenderRecord, id, "riskLevel", "unknown value; expected Low, Medium, High or VeryHigh"));
        }

        if (offender.NeighbourhoodId is { Length: 0 })
        {
            problems.Add(new(OffenderRecord, id, "neighbourhoodId", "must be a non-empty string or absent"));
        }

        if (offender.VisitIntervalDays is { } interval && (interval < 1 || interval > 730))
        {
            problems.Add(new(OffenderRecord, id, "visitIntervalDays", "must be from 1 to 730; it is " + interval.ToString(CultureInfo.InvariantCulture)));
        }

        if (offender.MappaLevel is { } mappa && (mappa < 1 || mappa > 3))
        {
            problems.Add(new(OffenderRecord, id, "mappaLevel", "must be from 1 to 3; it is " + mappa.ToString(CultureInfo.InvariantCulture)));
        }

        return id is not null;
    }

    /// <summary>A manager reference of an offender: absent, or a monitored manager.</summary>
    public static void ManagerReference(MonitorState state, string? managerId, string record, string? id, List<ChangeProblem> problems)
    {
        if (managerId is null)
        {
            return;
        }

        if (managerId.Length == 0)
        {
            problems.Add(new(record, id, "managerId", "must be a non-empty string, or absent for an unallocated offender"));
        }
        else if (!state.HasManager(managerId))
        {
            problems.Add(new(record, id, "managerId", "names manager " + managerId + ", which is not monitored"));
        }
    }

    /// <summary>A manager's team: absent, or (when the snapshot listed teams) a listed team.</summary>
    public static void TeamReference(MonitorState state, string? teamId, string? managerId, List<ChangeProblem> problems)
    {
        if (teamId is null)
        {
            return;
        }

        if (teamId.Length == 0)
        {
            problems.Add(new(ManagerRecord, managerId, "teamId", "must be a non-empty string or absent"));
        }
        else if (!state.AcceptsTeam(teamId))
        {
            problems.Add(new(ManagerRecord, managerId, "teamId", "names team " + teamId + ", which is not a listed team"));
        }
    }

    /// <summary>An offender id that must name a monitored offender.</summary>
    public static bool KnownOffender(MonitorState state, string? offenderId, string record, string field, List<ChangeProblem> problems)
    {
        if (string.IsNullOrEmpty(offenderId))
        {
            problems.Add(new(record, null, field, "must be a non-empty string"));
            return false;
        }

        if (!state.HasOffender(offenderId))
        {
            problems.Add(new(record, record == OffenderRecord ? offenderId : null, field, "names offender " + offenderId + ", which is not monitored"));
            return false;
        }

        return true;
    }

    /// <summary>A manager id that must name a monitored manager.</summary>
    public static bool KnownManager(MonitorState state, string? managerId, List<ChangeProblem> problems)
    {
        if (string.IsNullOrEmpty(managerId))
        {
            problems.Add(new(ManagerRecord, null, "id", "must be a non-empty string"));
            return false;
        }

        if (!state.HasManager(managerId))
        {
            problems.Add(new(ManagerRecord, managerId, "id", "names manager " + managerId + ", which is not monitored"));
            return false;
        }

        return true;
    }
}
