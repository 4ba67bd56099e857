
namespace Safeguarding.Rules.TestSupport.Oracle;

/// <summary>
/// The output order of contract sections 5 and 6: by kind in the order of the findings tables, then by teamId,
/// managerId and offenderId (ordinal; an absent value first), then by the child-protection identity parts (discussionId,
/// actionId, detentionId, interviewStartedAt by time, protectionId), then by record index.
/// </summary>
public sealed class OracleFindingOrder : IComparer<Finding>
{
    /// <summary>The contract's finding kinds, in the order of the section 5 table.</summary>
    public static IReadOnlyList<string> KindsInTableOrder { get; } =
    [
        "VisitOverdue",
        "VisitDueSoon",
        "RepeatedNoAccess",
        "ReactiveManagementIneligible",
        "CaseloadAboveTarget",
        "CaseloadCritical",
        "Unallocated",
        "UnitBacklog",
        "RiskReviewOverdue",
        "NeighbourhoodNotBriefed",
        "StrategyOutcomeNotRecorded",
        "StrategyActionOverdue",
        "AppropriateAdultDelayed",
        "InterviewWithoutAppropriateAdult",
        "PoliceProtectionExceeded",
        "LocalAuthorityNotInformed",
        "DataQuality",
    ];

    /// <summary>The single instance.</summary>
    public static OracleFindingOrder Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var byKind = RankOf(x.Kind).CompareTo(RankOf(y.Kind));
        if (byKind != 0)
        {
            return byKind;
        }

        var byTeam = CompareAbsentFirst(x.TeamId, y.TeamId);
        if (byTeam != 0)
        {
            return byTeam;
        }

        var byManager = CompareAbsentFirst(x.ManagerId, y.ManagerId);
        if (byManager != 0)
        {
            return byManager;
        }

        var byOffender = CompareAbsentFirst(x.OffenderId, y.OffenderId);
        if (byOffender != 0)
        {
            return byOffender;
        }

        int[] byChildProtection =
        [
            CompareAbsentFirst(x.DiscussionId, y.DiscussionId),
            CompareAbsentFirst(x.ActionId, y.ActionId),
            CompareAbsentFirst(x.DetentionId, y.DetentionId),
            Nullable.Compare(x.InterviewStartedAt, y.InterviewStartedAt),
            CompareAbsentFirst(x.ProtectionId, y.ProtectionId),
        ];
        foreach (var by in byChildProtection)
        {
            if (by != 0)
            {
                return by;
            }
        }

        return Nullable.Compare(x.Index, y.Index);
    }

    private static int RankOf(string kind)
    {
        for (var i = 0; i < KindsInTableOrder.Count; i++)
        {
            if (string.Equals(KindsInTableOrder[i], kind, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return KindsInTableOrder.Count;
    }

    private static int CompareAbsentFirst(string? x, string? y)
    {
        if (x is null)
        {
            return y is null ? 0 : -1;
        }

        if (y is null)
        {
            return 1;
        }

        return string.CompareOrdinal(x, y);
    }
}
