namespace Safeguarding.Rules.Changes;

/// <summary>
/// Which of <c>rule</c> and <c>reason</c> an earlier document's finding gives (contract section 7: a cleared finding is
/// written with them "as far as the earlier document gives them"). An empty string given is given, and written back.
/// </summary>
[Flags]
internal enum EarlierText
{
    /// <summary>Neither.</summary>
    None = 0,

    /// <summary>Its <c>rule</c>, a string (perhaps empty).</summary>
    Rule = 1,

    /// <summary>Its <c>reason</c>, a string (perhaps empty).</summary>
    Reason = 2,

    /// <summary>Both: every finding of a report in memory.</summary>
    Both = Rule | Reason,
}
