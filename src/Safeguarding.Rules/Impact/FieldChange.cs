namespace Safeguarding.Rules.Impact;

/// <summary>One field of a finding that has a different value under the proposed policy.</summary>
public sealed class FieldChange
{
    /// <summary>The field's name as the findings document gives it (<c>escalateTo</c>, <c>dueOn</c>, <c>daysOverdue</c>, ...).</summary>
    public required string Field { get; init; }

    /// <summary>The value under the baseline, as the findings document writes it (<c>2018-04-10</c>, <c>21</c>, <c>Supervisor</c>); <see langword="null"/> when absent.</summary>
    public string? Baseline { get; init; }

    /// <summary>The value under the proposed policy, as the findings document writes it; <see langword="null"/> when absent.</summary>
    public string? Proposed { get; init; }

    /// <summary>Formats the change as <c>field old -&gt; new</c>, with <c>-</c> for an absent value.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Field + " " + (Baseline ?? "-") + " -> " + (Proposed ?? "-");
}
