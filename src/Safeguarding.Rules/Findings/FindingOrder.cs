namespace Safeguarding.Rules.Findings;

/// <summary>
/// The findings document's order (contract sections 5 and 6): by kind in the contract's order (host kinds after, in
/// ordinal order of kind), then (DataQuality) input array, then team, manager and offender (ordinal, an absent value
/// first), then the child-protection identity parts (discussion, action, detention, interview start by time,
/// protection), then record index and rule.
/// </summary>
internal sealed class FindingOrder : IComparer<Finding>
{
    public static readonly FindingOrder Instance = new();

    public int Compare(Finding? x, Finding? y)
    {
        // Findings of one kind (what a partition's sort compares, kind by kind) skip the kind's rank, two dictionary look-ups.
        int c;
        if (!string.Equals(x!.Kind, y!.Kind, StringComparison.Ordinal))
        {
            c = FindingKinds.OrderOf(x.Kind).CompareTo(FindingKinds.OrderOf(y.Kind));
            return c != 0 ? c : string.CompareOrdinal(x.Kind, y.Kind);
        }

        // DataQuality: by input array (offenders, then the child-protection arrays in snapshot order).
        c = ArrayRank(x.Array).CompareTo(ArrayRank(y.Array));
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.TeamId, y.TeamId);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.ManagerId, y.ManagerId);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.OffenderId, y.OffenderId);
        if (c != 0)
        {
            return c;
        }

        // The child-protection kinds' identity parts (contract section 6); absent for every other kind.
        c = string.CompareOrdinal(x.DiscussionId, y.DiscussionId);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.ActionId, y.ActionId);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.DetentionId, y.DetentionId);
        if (c != 0)
        {
            return c;
        }

        c = Nullable.Compare(x.InterviewStartedAt, y.InterviewStartedAt);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.ProtectionId, y.ProtectionId);
        if (c != 0)
        {
            return c;
        }

        c = (x.Index ?? -1).CompareTo(y.Index ?? -1);
        return c != 0 ? c : string.CompareOrdinal(x.Rule, y.Rule);
    }

    private static int ArrayRank(string? array) => array is null ? -1 : Validation.ChildProtectionValidator.Rank(array);
}
