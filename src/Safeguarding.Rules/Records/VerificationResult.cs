namespace Safeguarding.Rules.Records;

/// <summary>The result of checking a findings document against the snapshot and policy it names (<see cref="FindingsVerifier"/>).</summary>
public sealed class VerificationResult
{
    /// <summary>Whether the document verified, differs, or could not be read.</summary>
    public required VerificationOutcome Outcome { get; init; }

    /// <summary>
    /// The first difference: a hash's name (<c>snapshotSha256</c>, <c>policySha256</c>, <c>rulesSha256</c>,
    /// <c>asOfInstant</c>) or the path of the first value that differs from the re-evaluation
    /// (<c>findings[12].escalateTo</c>, <c>summary.visitOverdue</c>, <c>record.findingsSha256</c>);
    /// <see langword="null"/> when verified or unreadable.
    /// </summary>
    public string? Difference { get; init; }

    /// <summary>The id of the finding at <see cref="Difference"/> when it is within <c>findings</c> and the re-evaluation has it.</summary>
    public string? FindingId { get; init; }

    /// <summary>What was found, in one line of plain English: paths, hash names and ids only, never a value.</summary>
    public required string Message { get; init; }
}
