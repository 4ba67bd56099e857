namespace Safeguarding.Rules;

/// <summary>
/// One problem with <see cref="SafeguardingRulesOptions"/>: the option as the options class names it (e.g.
/// <c>MaxDegreeOfParallelism</c>; a problem with the policy is <c>Policy.</c> and the policy file's path, e.g.
/// <c>Policy.caseload.critical</c>) and what is wrong.
/// </summary>
/// <param name="Option">The option's name.</param>
/// <param name="Problem">What is wrong, in plain words.</param>
public sealed record OptionsProblem(string Option, string Problem)
{
    /// <summary>Formats the problem as <c>option: problem</c>.</summary>
    public override string ToString() => $"{Option}: {Problem}";
}
