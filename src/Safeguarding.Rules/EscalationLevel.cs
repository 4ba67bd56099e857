namespace Safeguarding.Rules;

/// <summary>Who in the chain of command an overdue visit goes to (contract section 2, Escalation).</summary>
public enum EscalationLevel
{
    /// <summary>The offender manager deals with it; no escalation.</summary>
    OffenderManager = 0,

    /// <summary>The supervising detective sergeant.</summary>
    Supervisor = 1,

    /// <summary>The detective inspector.</summary>
    DetectiveInspector = 2,

    /// <summary>
    /// The duty inspector in custody (child protection, contract section 6). Levels are compared through each kind's
    /// own order (<see cref="Findings.FindingKindSchema.EscalationLevels"/>), never through their numbers.
    /// </summary>
    Inspector = 3,
}
