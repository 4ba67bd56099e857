namespace Safeguarding.Rules.Validation;

/// <summary>A record the reader could not type; it is rejected, but its id still counts for duplicates and references.</summary>
internal sealed record MalformedRecord(string Array, int Index, string? Id);
