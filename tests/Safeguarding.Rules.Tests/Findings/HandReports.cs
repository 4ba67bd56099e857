using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Tests.Findings;

/// <summary>Evaluated reports made by hand from findings, for the writers' and comparers' tests.</summary>
internal static class HandReports
{
    public static EvaluationReport Of(DateOnly asOf, params Finding[] findings) => new()
    {
        IsEvaluated = true,
        PartialResultsAllowed = false,
        AsOf = asOf,
        PolicyVersion = "default",
        Summary = new EvaluationSummary
        {
            FindingsByKind = findings.GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => g.Count()),
            Escalations = new Dictionary<EscalationLevel, int>(),
            Outcomes = new OutcomeMeasures { VisitedWithinPolicyPercent = new Dictionary<RiskLevel, decimal>() },
        },
        Findings = findings,
        Problems = [],
        FiredRules = new HashSet<string>(),
    };
}
