namespace Safeguarding.Rules;

/// <summary>
/// Who in the chain of command a finding goes to: an overdue visit (contract section 2, Escalation) or a delayed
/// appropriate adult (section 6).
/// </summary>
public enum EscalationLevel
{
    /// <summary>The offender manager deals with it; no escalation.</summary>
    OffenderManager = 0,

    /// <summary>The supervising detective sergeant.</summary>
    Supervisor = 1,

    /// <summary>The detective inspector.</summary>
    DetectiveInspector = 2,

    /// <summary>
    /// The duty inspector in custody (child protection, contract section 6). Levels are compared in contract section 7's
    /// order, the same for every kind (<see cref="Changes.FindingChanges.Change"/>): <see cref="OffenderManager"/> &lt;
    /// <see cref="Supervisor"/> &lt; <see cref="DetectiveInspector"/>, and <see cref="Supervisor"/> &lt; <see cref="Inspector"/>;
    /// <see cref="DetectiveInspector"/> and <see cref="Inspector"/> are not ordered. Never compare levels by their numbers.
    /// </summary>
    Inspector = 3,
}
