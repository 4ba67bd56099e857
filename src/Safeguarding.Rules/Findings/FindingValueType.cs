namespace Safeguarding.Rules.Findings;

/// <summary>The type of a finding field's value, which decides how every writer, reader and comparer treats it.</summary>
public enum FindingValueType
{
    /// <summary>An identifier or other text, written as a JSON string.</summary>
    Text,

    /// <summary>A whole number, written as a JSON number.</summary>
    Number,

    /// <summary>A date, written <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary>A risk level, written as its contract name (<c>Low</c>, <c>Medium</c>, <c>High</c>, <c>VeryHigh</c>).</summary>
    RiskLevel,

    /// <summary>An escalation level, written as its contract name (<c>OffenderManager</c>, <c>Supervisor</c>, ...).</summary>
    EscalationLevel,

    /// <summary>An instant, written in UTC as <c>yyyy-MM-ddTHH:mm:ssZ</c> (contract section 6).</summary>
    Instant,

    /// <summary>A boolean, written as JSON <c>true</c> or <c>false</c> (always, <c>false</c> included, when the kind has the field).</summary>
    Boolean,
}
