namespace Safeguarding.Rules;

/// <summary>One entry of the rule catalogue: a rule the engine runs.</summary>
/// <param name="Name">The rule's stable name.</param>
/// <param name="Description">The policy sentence the rule implements.</param>
/// <param name="Tags">The policy areas the rule belongs to.</param>
/// <param name="FindingKind">The finding kind the rule produces; <see langword="null"/> for an intermediate rule or a host rule that does not say.</param>
/// <param name="IsBuiltIn">Whether the rule ships with the library.</param>
public sealed record RuleInfo(string Name, string Description, IReadOnlyList<string> Tags, string? FindingKind, bool IsBuiltIn);
