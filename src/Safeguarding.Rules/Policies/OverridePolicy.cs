namespace Safeguarding.Rules.Policies;

/// <summary>Which findings an override may defer, and for how long (policy file <c>overrides</c>, contract section 8).</summary>
public sealed class OverridePolicy
{
    /// <summary>
    /// The kinds an override may name by default: <c>VisitOverdue</c>, <c>VisitDueSoon</c>, <c>RepeatedNoAccess</c>,
    /// <c>RiskReviewOverdue</c> and <c>NeighbourhoodNotBriefed</c>. Caseload, backlog and child-protection kinds are not
    /// among them: a force that wants them must list them.
    /// </summary>
    public static IReadOnlyList<string> DefaultKinds { get; } =
    [
        FindingKinds.VisitOverdue, FindingKinds.VisitDueSoon, FindingKinds.RepeatedNoAccess, FindingKinds.RiskReviewOverdue, FindingKinds.NeighbourhoodNotBriefed,
    ];

    /// <summary>The most days an override may cover, counting <c>from</c> and <c>until</c> both. Default 90; at least 1.</summary>
    public int MaxDays { get; set; } = 90;

    /// <summary>
    /// The finding kinds an override may name (<see cref="DefaultKinds"/> by default). A list given in a policy file or in
    /// configuration replaces the default list; it is not added to it. Each must be a finding kind of the contract;
    /// <c>DataQuality</c> can never be listed.
    /// </summary>
    public IList<string> Kinds { get; set; } = [.. DefaultKinds];

    internal OverridePolicy Clone()
    {
        var copy = (OverridePolicy)MemberwiseClone();
        copy.Kinds = Kinds is null ? null! : [.. Kinds];
        return copy;
    }
}
