namespace Safeguarding.Rules.Csv.Tables;

/// <summary>The one row of <c>snapshot.csv</c>: the document's own values (contract section 9).</summary>
/// <param name="SchemaVersion">The contract schema version, when given.</param>
/// <param name="AsOf">The date the snapshot describes, when given.</param>
/// <param name="ExtractedAt">When the snapshot was extracted (contract section 6), when given.</param>
internal sealed record DocumentValues(int? SchemaVersion, DateOnly? AsOf, DateTimeOffset? ExtractedAt);
