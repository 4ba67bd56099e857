namespace Safeguarding.Rules.Records;

/// <summary>What checking a findings document against its input found (<see cref="FindingsVerifier"/>).</summary>
public enum VerificationOutcome
{
    /// <summary>The four hashes agree and re-evaluating gives the same document (ignoring <c>changes</c> and <c>change</c>).</summary>
    Verified,

    /// <summary>A hash or a value differs; <see cref="VerificationResult.Difference"/> names the first.</summary>
    Differs,

    /// <summary>The document is not JSON, not a findings document, or has no usable <c>record</c>.</summary>
    Unreadable,
}
