namespace Safeguarding.Rules.Domain;

/// <summary>The outcome of a home visit.</summary>
public enum VisitOutcome
{
    /// <summary>The visit took place. Only a completed visit resets the visit clock.</summary>
    Completed = 0,

    /// <summary>Nobody answered or the officer was refused entry. Does not reset the clock.</summary>
    NoAccess = 1,

    /// <summary>The visit was cancelled. Does not reset the clock.</summary>
    Cancelled = 2,
}
