namespace Safeguarding.Rules.Facts;

/// <summary>One offender's visits on or before the evaluation date, reduced to what the policy needs.</summary>
internal readonly record struct VisitHistory(DateOnly? LastCompleted, int NoAccessSinceLastCompleted);
