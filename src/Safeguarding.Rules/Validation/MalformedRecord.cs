namespace Safeguarding.Rules.Validation;

/// <summary>
/// A record the reader could not type; it is rejected, but its id still counts for duplicates and references, and
/// <paramref name="Partial"/> (what could be read, with placeholders for the rest) still gets the checks across
/// records, so every problem of the record is reported, not just the first kind.
/// </summary>
internal sealed record MalformedRecord(string Array, int Index, string? Id, object? Partial = null);
