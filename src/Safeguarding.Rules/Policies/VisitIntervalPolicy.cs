using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Policies;

/// <summary>Home-visit intervals by risk level, in days (policy file <c>visitIntervalDays</c>). A risk management plan's own interval beats all of them.</summary>
public sealed class VisitIntervalPolicy
{
    /// <summary>Very High risk: default 30 days (pre-2017 "monthly").</summary>
    public int VeryHigh { get; set; } = 30;

    /// <summary>High risk: default 91 days (3-monthly).</summary>
    public int High { get; set; } = 91;

    /// <summary>Medium risk: default 182 days (6-monthly).</summary>
    public int Medium { get; set; } = 182;

    /// <summary>Low risk: default 365 days (yearly); none while under reactive management.</summary>
    public int Low { get; set; } = 365;

    /// <summary>The interval for <paramref name="riskLevel"/>.</summary>
    /// <param name="riskLevel">The offender's risk level.</param>
    /// <returns>The interval in days.</returns>
    public int For(RiskLevel riskLevel) => riskLevel switch
    {
        RiskLevel.VeryHigh => VeryHigh,
        RiskLevel.High => High,
        RiskLevel.Medium => Medium,
        _ => Low,
    };

    internal VisitIntervalPolicy Clone() => (VisitIntervalPolicy)MemberwiseClone();
}
