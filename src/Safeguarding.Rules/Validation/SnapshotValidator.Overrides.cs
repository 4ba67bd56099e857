using System.Globalization;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Validation;

/// <summary>The checks of the <c>overrides</c> array (contract section 8), some of which depend on the policy.</summary>
internal static partial class SnapshotValidator
{
    /// <summary>The longest reason code.</summary>
    private const int ReasonCodeMaxLength = 64;

    /// <summary>
    /// Checks every override: required fields, the reason code's form, <c>until</c> not before <c>from</c> and within
    /// <c>overrides.maxDays</c>, a finding kind the policy lets be overridden, and unique ids. A rejected override is a
    /// problem of its own (listed in <c>rejected</c> with partial results) and nothing else: it suppresses nothing.
    /// </summary>
    /// <returns>The valid overrides, in snapshot order.</returns>
    private static List<Override> CheckOverrides(List<InputProblem> problems, CaseloadSnapshot snapshot, IReadOnlyList<MalformedRecord> malformed, OverridesView policy)
    {
        var overrides = snapshot.Overrides;
        if (overrides.Count == 0 && !malformed.Any(static m => m.Array == SnapshotArrays.Overrides))
        {
            return [];
        }

        const string Array = SnapshotArrays.Overrides;
        var ids = new RecordIds(Array, overrides.Count);
        var ok = new bool[overrides.Count];
        for (var i = 0; i < overrides.Count; i++)
        {
            var entry = overrides[i];
            var index = Index(entry?.SourceIndex ?? -1, i);
            var hasId = RequireId(problems, Array, index, null, "id", entry?.Id);
            if (entry is null)
            {
                continue;
            }

            var id = hasId ? entry.Id : null;
            var valid = hasId;
            valid &= CheckFindingId(problems, index, id, entry.FindingId, policy);
            valid &= CheckReasonCode(problems, index, id, entry.ReasonCode);
            valid &= RequireId(problems, Array, index, id, "authorisedBy", entry.AuthorisedBy);
            valid &= CheckPeriod(problems, index, id, entry.From, entry.Until, policy.MaxDays);
            if (hasId)
            {
                ids.Add(entry.Id, index, i);
            }

            ok[i] = valid;
        }

        CheckMalformedOverrides(problems, malformed, policy);
        ids.AddMalformed(malformed);
        ids.ReportDuplicates(problems);
        var accepted = new List<Override>(overrides.Count);
        for (var i = 0; i < overrides.Count; i++)
        {
            if (ok[i] && ids.IsUnique(overrides[i].Id))
            {
                accepted.Add(overrides[i]);
            }
        }

        return accepted;
    }

    /// <summary>
    /// Gives a malformed override's other fields their checks (contract section 3: every problem is reported, not just the
    /// first), as offenders' partial copies get theirs. A field that already has a problem of the reader's, of this record
    /// or of its file's header, is skipped, as is a text left empty in the copy (absent): its problem is reported already.
    /// </summary>
    private static void CheckMalformedOverrides(List<InputProblem> problems, IReadOnlyList<MalformedRecord> malformed, OverridesView policy)
    {
        const string Array = SnapshotArrays.Overrides;
        var reported = new ReportedFields(problems);
        foreach (var record in malformed)
        {
            if (record.Array != Array || record.Partial is not Override partial)
            {
                continue;
            }

            var id = record.Id;
            if (!reported.Has(Array, record.Index, "findingId") && partial.FindingId.Length > 0)
            {
                CheckFindingId(problems, record.Index, id, partial.FindingId, policy);
            }

            if (!reported.Has(Array, record.Index, "reasonCode") && partial.ReasonCode.Length > 0)
            {
                CheckReasonCode(problems, record.Index, id, partial.ReasonCode);
            }

            if (!reported.Has(Array, record.Index, "from") && !reported.Has(Array, record.Index, "until"))
            {
                CheckPeriod(problems, record.Index, id, partial.From, partial.Until, policy.MaxDays);
            }
        }
    }

    private static bool CheckFindingId(List<InputProblem> problems, int index, string? id, string? findingId, OverridesView policy)
    {
        if (!RequireId(problems, SnapshotArrays.Overrides, index, id, "findingId", findingId))
        {
            return false;
        }

        var colon = findingId!.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? findingId : findingId[..colon];
        if (policy.Allows(kind))
        {
            return true;
        }

        // The kind is named only when it is one (a finding id is an id, but its first part may be anything).
        var named = FindingKinds.All.Contains(kind, StringComparer.Ordinal)
            ? "names a " + kind + " finding, a kind the policy's overrides.kinds does not list"
            : "does not start with a finding kind the policy's overrides.kinds lists";
        problems.Add(new(SnapshotArrays.Overrides, index, id, "findingId", named + " (" + string.Join(", ", policy.Kinds) + ")"));
        return false;
    }

    private static bool CheckReasonCode(List<InputProblem> problems, int index, string? id, string? reasonCode)
    {
        if (reasonCode is null)
        {
            problems.Add(new(SnapshotArrays.Overrides, index, id, "reasonCode", "is required"));
            return false;
        }

        if (reasonCode.Length is 0 or > ReasonCodeMaxLength || !reasonCode.All(static c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'))
        {
            problems.Add(new(SnapshotArrays.Overrides, index, id, "reasonCode", "must be a code of 1-64 characters from A-Z, 0-9 and _ (never free text)"));
            return false;
        }

        return true;
    }

    private static bool CheckPeriod(List<InputProblem> problems, int index, string? id, DateOnly from, DateOnly until, int maxDays)
    {
        if (until < from)
        {
            problems.Add(new(SnapshotArrays.Overrides, index, id, "until", "must not be before from"));
            return false;
        }

        var days = until.DayNumber - from.DayNumber + 1;
        if (days > maxDays)
        {
            problems.Add(new(SnapshotArrays.Overrides, index, id, "until", "covers " + days.ToString(CultureInfo.InvariantCulture) +
                " days from from to until counted inclusively; overrides.maxDays allows at most " + maxDays.ToString(CultureInfo.InvariantCulture)));
            return false;
        }

        return true;
    }
}
