namespace Safeguarding.Rules.Explanations;

/// <summary>The explainer of each kind of subject: one entry per <see cref="ExplainSubjectKind"/>.</summary>
internal static class SubjectExplainers
{
    private static readonly SubjectExplainer[] All =
    [
        new OffenderExplainer(),
        new ManagerExplainer(),
        new TeamExplainer(),
        new DiscussionExplainer(),
        new DetentionExplainer(),
        new ProtectionExplainer(),
    ];

    /// <summary>Every explainer, in the order of <see cref="ExplainSubjectKind"/>.</summary>
    public static IReadOnlyList<SubjectExplainer> Each => All;

    /// <summary>The explainer of <paramref name="kind"/>.</summary>
    public static SubjectExplainer For(ExplainSubjectKind kind) =>
        Array.Find(All, e => e.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of subject this version explains.");
}
