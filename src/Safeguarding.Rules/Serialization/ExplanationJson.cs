using Safeguarding.Rules.Explanations;

namespace Safeguarding.Rules.Serialization;

/// <summary>
/// Writes an explanation (<see cref="SafeguardingEngine.Explain(Domain.CaseloadSnapshot, ExplainSubject, EvaluationOptions?, CancellationToken)"/>) as JSON:
/// <c>{ "subject": { "kind", "id" }, "asOf", "policyVersion", "rules": [ { "rule", "fired", "suppressedBy", "disabled", "explanation" } ] }</c>,
/// rules in catalogue order; <c>kind</c> is <c>offender</c>, <c>manager</c> or <c>team</c>; <c>suppressedBy</c> is
/// written only when an override suppressed the rule's finding, and <c>disabled</c> only when the rule is switched off
/// (as <see langword="true"/>).
/// </summary>
public static class ExplanationJson
{
    /// <summary>Writes <paramref name="explanation"/> to <paramref name="stream"/>, indented with two spaces and line feeds.</summary>
    /// <param name="explanation">An explanation whose <see cref="SubjectExplanation.IsExplained"/> is true.</param>
    /// <param name="stream">Where to write; flushed, left open.</param>
    /// <exception cref="ArgumentException">The explanation does not explain its subject (bad input, or no such subject).</exception>
    public static void Write(SubjectExplanation explanation, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentNullException.ThrowIfNull(stream);
        if (!explanation.IsExplained)
        {
            throw new ArgumentException(
                explanation.SubjectProblem ?? "The snapshot has input problems, so " + explanation.Subject + " was not explained.",
                nameof(explanation));
        }

        using var json = JsonOutput.CreateWriter(stream, indented: true);
        json.WriteStartObject();
        json.WriteStartObject("subject");
        json.WriteString("kind", SubjectExplainers.For(explanation.Subject.Kind).Name);
        json.WriteString("id", explanation.Subject.Id);
        json.WriteEndObject();
        json.WriteString("asOf", Reasons.Date(explanation.AsOf));
        json.WriteString("policyVersion", explanation.PolicyVersion);
        json.WriteStartArray("rules");
        foreach (var rule in explanation.Rules)
        {
            json.WriteStartObject();
            json.WriteString("rule", rule.Rule);
            json.WriteBoolean("fired", rule.Fired);
            if (rule.SuppressedBy is not null)
            {
                json.WriteString("suppressedBy", rule.SuppressedBy);
            }

            if (rule.Disabled)
            {
                json.WriteBoolean("disabled", true);
            }

            json.WriteString("explanation", rule.Explanation);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }
}
