namespace Safeguarding.Rules.Domain;

/// <summary>
/// A professional judgement to defer an action (contract section 8, <c>overrides[]</c>), e.g. a home visit while the
/// offender is in hospital. While it is active (<see cref="From"/> &lt;= the as-of date &lt;= <see cref="Until"/>) the
/// finding it names is reported in <c>suppressed</c> instead of <c>findings</c>; once it has ended, the finding carries
/// <c>overrideExpiredOn</c>. It changes what is reported, never what is true: counts such as backlogs and outcomes are
/// computed as if there were no overrides.
/// </summary>
public sealed record Override
{
    /// <summary>The override's own id. Required; unique in the snapshot.</summary>
    public required string Id { get; init; }

    /// <summary>
    /// The id of the finding it defers (contract section 7), e.g. <c>VisitOverdue:RSO-000123</c>. Required; its kind must be
    /// one the policy's <c>overrides.kinds</c> lists. Not a reference: it may name a finding that does not hold.
    /// </summary>
    public required string FindingId { get; init; }

    /// <summary>Why, as a code of 1-64 characters from <c>A-Z</c>, <c>0-9</c> and <c>_</c> (never free text), e.g. <c>IN_HOSPITAL</c>. Required.</summary>
    public required string ReasonCode { get; init; }

    /// <summary>Who authorised it (an id such as a collar number, never a name). Required.</summary>
    public required string AuthorisedBy { get; init; }

    /// <summary>The first day it applies. Required.</summary>
    public required DateOnly From { get; init; }

    /// <summary>The last day it applies (inclusive); not before <see cref="From"/>. Required.</summary>
    public required DateOnly Until { get; init; }

    internal int SourceIndex { get; init; } = -1;
}
