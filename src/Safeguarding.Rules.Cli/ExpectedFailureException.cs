namespace Safeguarding.Rules.Cli;

/// <summary>
/// An expected failure (a missing file, invalid input, a bad policy): the command stops and
/// each problem is printed on its own line on stderr, without a stack trace, and the process exits 2.
/// Problems hold identifiers, positions, property names and file paths only, never a record's values.
/// </summary>
internal sealed class ExpectedFailureException : Exception
{
    public ExpectedFailureException(string message)
        : this([message])
    {
    }

    public ExpectedFailureException(IReadOnlyList<string> problems, string? summary = null)
        : base(summary ?? (problems.Count > 0 ? problems[0] : "The input is invalid."))
    {
        Problems = problems;
        Summary = summary;
    }

    public ExpectedFailureException()
        : this("The input is invalid.")
    {
    }

    public ExpectedFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>One line per problem.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>A closing line after the problems, when there is one.</summary>
    public string? Summary { get; }

    /// <summary>Lines printed as warnings after the problems and before the closing line: what would not stop a run by itself.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
