using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Policies;

/// <summary>A read-only copy of a <see cref="VisitIntervalPolicy"/>: home-visit intervals by risk level, in days.</summary>
public sealed class VisitIntervalsView
{
    internal VisitIntervalsView(VisitIntervalPolicy policy)
    {
        VeryHigh = policy.VeryHigh;
        High = policy.High;
        Medium = policy.Medium;
        Low = policy.Low;
    }

    /// <summary>Very High risk (<c>visitIntervalDays.veryHigh</c>).</summary>
    public int VeryHigh { get; }

    /// <summary>High risk (<c>visitIntervalDays.high</c>).</summary>
    public int High { get; }

    /// <summary>Medium risk (<c>visitIntervalDays.medium</c>).</summary>
    public int Medium { get; }

    /// <summary>Low risk (<c>visitIntervalDays.low</c>).</summary>
    public int Low { get; }

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
}
