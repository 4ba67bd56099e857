using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Tests.Differential;

/// <summary>A generated visit: its day offset from the as-of date, outcome and announced flag.</summary>
internal sealed record VisitSpec(int Offset, VisitOutcome Outcome, bool? Announced);
