namespace Safeguarding.Rules.Policies;

/// <summary>Thrown when a policy given in code is invalid; lists every problem at once.</summary>
public sealed class PolicyValidationException : Exception
{
    /// <summary>Creates the exception for <paramref name="problems"/>.</summary>
    /// <param name="problems">Every problem found; at least one.</param>
    public PolicyValidationException(IReadOnlyList<PolicyProblem> problems)
        : base(Format(problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with a message.</summary>
    public PolicyValidationException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public PolicyValidationException(string message)
        : base(message)
    {
        Problems = [];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PolicyValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Every problem found, each naming the property.</summary>
    public IReadOnlyList<PolicyProblem> Problems { get; }

    private static string Format(IReadOnlyList<PolicyProblem> problems) =>
        problems.Count == 0
            ? "The policy is invalid."
            : "The policy is invalid: " + string.Join("; ", problems) + ".";
}
