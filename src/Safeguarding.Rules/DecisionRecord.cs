namespace Safeguarding.Rules;

/// <summary>
/// The decision record of an evaluation (contract section 8, a findings document's <c>record</c>): which input, policy
/// and rules produced the findings, so that anyone can check later that a findings document came from them and was
/// not altered. Each hash is 64 lowercase hexadecimal digits of SHA-256.
/// </summary>
public sealed class DecisionRecord
{
    /// <summary>
    /// The as-of instant T: the end of the as-of date in UK local time (00:00 UK local time on the day after it).
    /// Written <c>yyyy-MM-ddTHH:mm:ssZ</c> in UTC.
    /// </summary>
    public required DateTimeOffset AsOfInstant { get; init; }

    /// <summary>
    /// The SHA-256 of the snapshot: of the bytes it was read from (<c>SnapshotReadResult.SourceSha256</c>, when the
    /// evaluation was given the read result), else, for a snapshot built in code, of its JSON as <c>SnapshotJson.Write</c>
    /// writes it.
    /// </summary>
    public required string SnapshotSha256 { get; init; }

    /// <summary>
    /// The SHA-256 of the effective policy in RFC 8785 (JCS) canonical form: the section 4 document with every property
    /// present, as <c>PolicyJson.Write</c> writes it.
    /// </summary>
    public required string PolicySha256 { get; init; }

    /// <summary>
    /// The SHA-256 of the rule catalogue in JCS form, as <c>RuleCatalogueJson.Write</c> writes it for the rules loaded,
    /// its descriptions showing the effective policy's values.
    /// </summary>
    public required string RulesSha256 { get; init; }

    /// <summary>The SHA-256 of the findings document's <c>findings</c> array in JCS form, without <c>change</c> properties.</summary>
    public required string FindingsSha256 { get; init; }
}
