namespace Safeguarding.Rules.Domain;

/// <summary>The risk level of a registered sex offender, as assessed (ARMS).</summary>
/// <remarks>The contract's JSON values are exactly the member names.</remarks>
public enum RiskLevel
{
    /// <summary>Low risk. Eligible for reactive management (no home visits).</summary>
    Low = 0,

    /// <summary>Medium risk.</summary>
    Medium = 1,

    /// <summary>High risk.</summary>
    High = 2,

    /// <summary>Very high risk.</summary>
    VeryHigh = 3,
}
