namespace Safeguarding.Rules.Findings;

/// <summary>
/// The findings document's order (contract section 5): by kind in the contract's order (host kinds after, in ordinal
/// order of kind), then team, manager and offender (ordinal, an absent value first), then record index and rule.
/// </summary>
internal sealed class FindingOrder : IComparer<Finding>
{
    public static readonly FindingOrder Instance = new();

    public int Compare(Finding? x, Finding? y)
    {
        var c = FindingKinds.OrderOf(x!.Kind).CompareTo(FindingKinds.OrderOf(y!.Kind));
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Kind, y.Kind);
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

        c = (x.Index ?? -1).CompareTo(y.Index ?? -1);
        return c != 0 ? c : string.CompareOrdinal(x.Rule, y.Rule);
    }
}
