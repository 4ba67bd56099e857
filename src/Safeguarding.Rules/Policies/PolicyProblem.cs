namespace Safeguarding.Rules.Policies;

/// <summary>One problem with a policy: the property (as the policy file names it, e.g. <c>caseload.critical</c>) and what is wrong.</summary>
/// <param name="Property">The property path in the policy file's camelCase names.</param>
/// <param name="Problem">What is wrong, in plain words.</param>
public sealed record PolicyProblem(string Property, string Problem)
{
    /// <summary>Formats the problem as <c>property: problem</c>.</summary>
    public override string ToString() => $"{Property}: {Problem}";
}
