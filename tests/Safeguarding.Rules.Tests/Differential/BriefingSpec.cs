namespace Safeguarding.Rules.Tests.Differential;

/// <summary>A generated briefing: the neighbourhood briefed and the day offset from the as-of date.</summary>
internal sealed record BriefingSpec(string NeighbourhoodId, int Offset);
