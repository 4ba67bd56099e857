using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;
using Safeguarding.Rules.Evaluation;

namespace Safeguarding.Rules.Testing;

/// <summary>
/// FluentAssertions assertions on an <see cref="EvaluationReport"/>: findings by kind and subject, summary counts, and
/// which rules fired (for which offenders, managers or teams). Failure messages show what the report does hold.
/// </summary>
public sealed class EvaluationReportAssertions : ReferenceTypeAssertions<EvaluationReport, EvaluationReportAssertions>
{
    /// <summary>Creates the assertions for <paramref name="report"/>.</summary>
    /// <param name="report">The report.</param>
    public EvaluationReportAssertions(EvaluationReport report)
        : base(report)
    {
    }

    /// <inheritdoc />
    protected override string Identifier => "report";

    /// <summary>Asserts that the rules ran (the input had no problem that stopped the evaluation).</summary>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<EvaluationReportAssertions> BeEvaluated(string because = "", params object[] becauseArgs)
    {
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null && Subject.IsEvaluated)
            .FailWith("Expected {context:report} to be evaluated{reason}, but "
                + AssertionText.Escape(Subject is null ? "it is <null>." : "the input had problems:\n  " + string.Join("\n  ", Subject.Problems)));
        return new AndConstraint<EvaluationReportAssertions>(this);
    }

    /// <summary>Asserts that the report has at least one finding of <paramref name="kind"/>; narrow further with the returned assertions.</summary>
    /// <param name="kind">The finding kind (see <see cref="FindingKinds"/>).</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>Assertions over the findings of the kind.</returns>
    [CustomAssertion]
    public FindingAssertions HaveFinding(string kind, string because = "", params object[] becauseArgs)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        var findings = OfKind(kind);
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(findings.Count > 0)
            .FailWith("Expected {context:report} to have a " + AssertionText.Escape(kind) + " finding{reason}, but "
                + AssertionText.Escape(AssertionText.FindingCounts(Subject) + "."));
        return new FindingAssertions(this, findings, kind + " finding");
    }

    /// <summary>Asserts that the report has no finding of <paramref name="kind"/>.</summary>
    /// <param name="kind">The finding kind.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<EvaluationReportAssertions> HaveNoFinding(string kind, string because = "", params object[] becauseArgs)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        if (!Evaluated("Expected {context:report} to have no " + AssertionText.Escape(kind) + " finding", because, becauseArgs))
        {
            return new AndConstraint<EvaluationReportAssertions>(this);
        }

        var findings = OfKind(kind);
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(findings.Count == 0)
            .FailWith("Expected {context:report} to have no " + AssertionText.Escape(kind) + " finding{reason}, but it has "
                + AssertionText.Escape(Count(findings.Count) + ":" + AssertionText.Findings(findings)));
        return new AndConstraint<EvaluationReportAssertions>(this);
    }

    /// <summary>
    /// Asserts that the report has no finding of <paramref name="kind"/> about <paramref name="subjectId"/> (an offender,
    /// manager or team id, or for a child-protection finding the discussion's, detention's or protection's id).
    /// </summary>
    /// <param name="kind">The finding kind.</param>
    /// <param name="subjectId">The offender's, manager's or team's id, or the child-protection record's.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<EvaluationReportAssertions> HaveNoFindingFor(string kind, string subjectId, string because = "", params object[] becauseArgs)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(subjectId);
        if (!Evaluated("Expected {context:report} to have no " + AssertionText.Escape(kind + " finding for " + subjectId), because, becauseArgs))
        {
            return new AndConstraint<EvaluationReportAssertions>(this);
        }

        var findings = OfKind(kind).Where(f => string.Equals(AssertionText.Subject(f), subjectId, StringComparison.Ordinal)).ToList();
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(findings.Count == 0)
            .FailWith("Expected {context:report} to have no " + AssertionText.Escape(kind + " finding for " + subjectId) + "{reason}, but it has "
                + AssertionText.Escape(Count(findings.Count) + ":" + AssertionText.Findings(findings)));
        return new AndConstraint<EvaluationReportAssertions>(this);
    }

    /// <summary>Asserts the summary's count of <paramref name="kind"/> (the number of findings of the kind; teams for UnitBacklog).</summary>
    /// <param name="kind">The finding kind.</param>
    /// <param name="expected">The expected count.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<EvaluationReportAssertions> HaveSummaryCount(string kind, int expected, string because = "", params object[] becauseArgs)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        if (!Evaluated("Expected {context:report} to count " + AssertionText.Escape(Number(expected) + " " + kind) + " in its summary", because, becauseArgs))
        {
            return new AndConstraint<EvaluationReportAssertions>(this);
        }

        var actual = Subject.Summary.Count(kind);
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(actual == expected)
            .FailWith("Expected {context:report} to count " + AssertionText.Escape(Number(expected) + " " + kind) + " in its summary{reason}, but it counts "
                + AssertionText.Escape(Number(actual) + ":" + AssertionText.Findings(OfKind(kind))));
        return new AndConstraint<EvaluationReportAssertions>(this);
    }

    /// <summary>Asserts the summary's count of overdue visits escalated to <paramref name="level"/>.</summary>
    /// <param name="level">The escalation level.</param>
    /// <param name="expected">The expected count.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<EvaluationReportAssertions> HaveEscalationCount(EscalationLevel level, int expected, string because = "", params object[] becauseArgs)
    {
        if (!Evaluated("Expected {context:report} to count " + AssertionText.Escape(Number(expected) + " overdue visits escalated to " + level), because, becauseArgs))
        {
            return new AndConstraint<EvaluationReportAssertions>(this);
        }

        var actual = Subject.Summary.Escalations.TryGetValue(level, out var count) ? count : 0;
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(actual == expected)
            .FailWith("Expected {context:report} to count " + AssertionText.Escape(Number(expected) + " overdue visits escalated to " + level) + "{reason}, but it counts "
                + AssertionText.Escape(Number(actual) + "; the VisitOverdue findings are:" + AssertionText.Findings(OfKind(FindingKinds.VisitOverdue))));
        return new AndConstraint<EvaluationReportAssertions>(this);
    }

    /// <summary>Asserts that rule <paramref name="ruleName"/> fired at least once.</summary>
    /// <param name="ruleName">The rule's name (see <c>RuleNames</c>).</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<EvaluationReportAssertions> HaveFired(string ruleName, string because = "", params object[] becauseArgs)
    {
        ArgumentException.ThrowIfNullOrEmpty(ruleName);
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(Subject.FiredRules.Contains(ruleName))
            .FailWith("Expected rule " + AssertionText.Escape(ruleName) + " to have fired{reason}, but it did not; "
                + AssertionText.Escape(AssertionText.Fired(Subject)));
        return new AndConstraint<EvaluationReportAssertions>(this);
    }

    /// <summary>Asserts that rule <paramref name="ruleName"/> never fired.</summary>
    /// <param name="ruleName">The rule's name.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<EvaluationReportAssertions> NotHaveFired(string ruleName, string because = "", params object[] becauseArgs)
    {
        ArgumentException.ThrowIfNullOrEmpty(ruleName);
        if (!Evaluated("Expected rule " + AssertionText.Escape(ruleName) + " not to have fired", because, becauseArgs))
        {
            return new AndConstraint<EvaluationReportAssertions>(this);
        }

        var subjects = AssertionText.SubjectsOf(Subject, ruleName);
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(!Subject.FiredRules.Contains(ruleName))
            .FailWith("Expected rule " + AssertionText.Escape(ruleName) + " not to have fired{reason}, but it fired"
                + AssertionText.Escape((subjects.Count == 0 ? string.Empty : " for " + string.Join(", ", subjects)) + "; " + AssertionText.Fired(Subject)));
        return new AndConstraint<EvaluationReportAssertions>(this);
    }

    /// <summary>Asserts that exactly the rules <paramref name="ruleNames"/> fired, in any order.</summary>
    /// <param name="ruleNames">The rules' names.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<EvaluationReportAssertions> HaveFiredExactly(params string[] ruleNames)
    {
        ArgumentNullException.ThrowIfNull(ruleNames);
        if (!Evaluated("Expected exactly the rules " + AssertionText.Escape(List(ruleNames.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))) + " to have fired (in any order)", string.Empty, []))
        {
            return new AndConstraint<EvaluationReportAssertions>(this);
        }

        var expected = new HashSet<string>(ruleNames, StringComparer.Ordinal);
        var missing = expected.Where(r => !Subject.FiredRules.Contains(r)).OrderBy(r => r, StringComparer.Ordinal).ToList();
        var extra = Subject.FiredRules.Where(r => !expected.Contains(r)).OrderBy(r => r, StringComparer.Ordinal).ToList();
        Execute.Assertion
            .ForCondition(missing.Count == 0 && extra.Count == 0)
            .FailWith("Expected exactly the rules " + AssertionText.Escape(List(expected.OrderBy(r => r, StringComparer.Ordinal))) + " to have fired (in any order), but "
                + AssertionText.Escape(Gaps(missing, extra, "did not fire", "also fired") + "; " + AssertionText.Fired(Subject)));
        return new AndConstraint<EvaluationReportAssertions>(this);
    }

    /// <summary>
    /// Asserts that rule <paramref name="ruleName"/> fired for exactly <paramref name="subjectIds"/>, in any order: the
    /// offenders, managers or teams of the findings it produced, or for a child-protection rule the discussions, detentions or
    /// protections (for <c>RuleNames.VisitOverdue</c>, which concludes an overdue visit that an escalation rule then places,
    /// the offenders of the VisitOverdue findings).
    /// </summary>
    /// <param name="ruleName">The rule's name.</param>
    /// <param name="subjectIds">The offender, manager or team ids, or the child-protection records' ids.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<EvaluationReportAssertions> HaveFiredFor(string ruleName, params string[] subjectIds)
    {
        ArgumentException.ThrowIfNullOrEmpty(ruleName);
        ArgumentNullException.ThrowIfNull(subjectIds);
        if (!Evaluated("Expected rule " + AssertionText.Escape(ruleName) + " to have fired for exactly " + AssertionText.Escape(List(subjectIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))) + " (in any order)", string.Empty, []))
        {
            return new AndConstraint<EvaluationReportAssertions>(this);
        }

        var expected = new HashSet<string>(subjectIds, StringComparer.Ordinal);
        var actual = AssertionText.SubjectsOf(Subject, ruleName);
        var missing = expected.Where(s => !actual.Contains(s, StringComparer.Ordinal)).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var extra = actual.Where(s => !expected.Contains(s)).ToList();
        Execute.Assertion
            .ForCondition(missing.Count == 0 && extra.Count == 0)
            .FailWith("Expected rule " + AssertionText.Escape(ruleName) + " to have fired for exactly "
                + AssertionText.Escape(List(expected.OrderBy(s => s, StringComparer.Ordinal)) + " (in any order), but it fired for " + List(actual)
                + " (" + Gaps(missing, extra, "not for", "also for") + "); " + AssertionText.Fired(Subject)));
        return new AndConstraint<EvaluationReportAssertions>(this);
    }

    /// <summary>
    /// Whether the report was evaluated; when it was not, fails <paramref name="expectation"/> listing the input's problems.
    /// A report that was not evaluated has no findings and no rule fired, which proves nothing about what the rules
    /// conclude, so an assertion that something is absent (or counts zero) must not pass on it.
    /// </summary>
    private bool Evaluated(string expectation, string because, object[] becauseArgs)
    {
        var evaluated = Subject.IsEvaluated;
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(evaluated)
            .FailWith(expectation + "{reason}, but the report was not evaluated: "
                + AssertionText.Escape("the input had problems:\n  " + string.Join("\n  ", Subject.Problems)));
        return evaluated;
    }

    private List<Finding> OfKind(string kind) =>
        Subject.Findings.Where(f => string.Equals(f.Kind, kind, StringComparison.Ordinal)).ToList();

    private static string Count(int count) => count == 1 ? "1" : Number(count);

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "nothing" : string.Join(", ", list);
    }

    private static string Gaps(List<string> missing, List<string> extra, string missingText, string extraText)
    {
        var parts = new List<string>();
        if (missing.Count > 0)
        {
            parts.Add(missingText + " " + string.Join(", ", missing));
        }

        if (extra.Count > 0)
        {
            parts.Add(extraText + " " + string.Join(", ", extra));
        }

        return string.Join("; ", parts);
    }
}
