namespace Safeguarding.Rules.Policies;

/// <summary>A nested object of the policy file (<c>caseload</c>, <c>escalation</c>, ...); absent in C# means a problem, not the defaults.</summary>
/// <param name="Name">The JSON property name.</param>
/// <param name="Get">The C# object, <see langword="null"/> when a caller set it so.</param>
internal sealed record PolicyGroup(string Name, Func<SafeguardingPolicy, object?> Get);
