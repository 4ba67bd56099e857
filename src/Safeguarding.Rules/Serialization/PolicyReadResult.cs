using System.Diagnostics.CodeAnalysis;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Serialization;

/// <summary>The result of reading a policy file (contract section 4): the policy, or every problem with the file.</summary>
/// <param name="Policy">The effective policy (the file's values merged over the defaults); <see langword="null"/> when there are problems.</param>
/// <param name="Problems">Every problem, each naming the property path (<c>escalation.supervisorAfterDays</c>), or <c>$</c> for the document; empty when the policy is valid.</param>
public sealed record PolicyReadResult(SafeguardingPolicy? Policy, IReadOnlyList<PolicyProblem> Problems)
{
    /// <summary>Whether the file gave a valid policy (<see cref="Policy"/> is set and there are no problems).</summary>
    [MemberNotNullWhen(true, nameof(Policy))]
    public bool IsValid => Policy is not null && Problems.Count == 0;
}
