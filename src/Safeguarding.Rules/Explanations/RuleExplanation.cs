namespace Safeguarding.Rules.Explanations;

/// <summary>One rule's part in an explanation: whether it fired for the subject, and why, in plain English.</summary>
public sealed class RuleExplanation
{
    /// <summary>The rule's stable name (<see cref="RuleNames"/> for the built-in rules).</summary>
    public required string Rule { get; init; }

    /// <summary>Whether the rule ships with the library; a host rule is listed by name with whether it fired, and not explained.</summary>
    public required bool IsBuiltIn { get; init; }

    /// <summary>
    /// Whether the rule fired for the subject in the evaluation: its finding about the subject is in the report (for
    /// <see cref="RuleNames.VisitOverdue"/>, a <c>VisitOverdue</c> finding, whichever escalation rule placed it), also
    /// when an override then suppressed the finding. Always <see langword="false"/> for a rule switched off.
    /// </summary>
    public required bool Fired { get; init; }

    /// <summary>Whether the rule is switched off (by name or tag), so it did not run.</summary>
    public required bool Disabled { get; init; }

    /// <summary>The id of the override that moved the rule's finding to the suppressed findings; <see langword="null"/> when none did.</summary>
    public string? SuppressedBy { get; init; }

    /// <summary>
    /// The explanation: "raised: " or "not raised: " (or, for a rule switched off, what it would have concluded),
    /// then the values the rule compared and the policy thresholds by their policy file names, from ids, dates,
    /// numbers and policy names only.
    /// </summary>
    public required string Explanation { get; init; }

    /// <summary>The rule's name and its explanation, for example <c>VisitOverdue: not raised: ...</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Rule + ": " + Explanation;
}
