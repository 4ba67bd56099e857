using FluentAssertions;
using FluentAssertions.Execution;
using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Testing;

/// <summary>
/// Narrows the findings of one kind, step by step: <c>HaveFinding(FindingKinds.VisitOverdue).ForOffender("RSO-1")
/// .EscalatedTo(EscalationLevel.DetectiveInspector)</c>. Each step asserts that at least one finding is left, and its
/// failure message lists the findings the previous step left, with their reasons.
/// </summary>
public sealed class FindingAssertions
{
    private readonly IReadOnlyList<Finding> _findings;
    private readonly string _description;

    internal FindingAssertions(EvaluationReportAssertions parent, IReadOnlyList<Finding> findings, string description)
    {
        And = parent;
        _findings = findings;
        _description = description;
    }

    /// <summary>Back to the report, to assert more.</summary>
    public EvaluationReportAssertions And { get; }

    /// <summary>The findings left after every step so far.</summary>
    public IReadOnlyList<Finding> Subject => _findings;

    /// <summary>The one finding left; fails when there is not exactly one.</summary>
    public Finding Which
    {
        get
        {
            Execute.Assertion
                .ForCondition(_findings.Count == 1)
                .FailWith(AssertionText.Escape($"Expected exactly one {_description}, but there are {_findings.Count}:{AssertionText.Findings(_findings)}"));
            return _findings.Count > 0 ? _findings[0] : null!;
        }
    }

    /// <summary>Keeps the findings about <paramref name="offenderId"/>.</summary>
    /// <param name="offenderId">The offender's id.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The narrowed assertions.</returns>
    [CustomAssertion]
    public FindingAssertions ForOffender(string offenderId, string because = "", params object[] becauseArgs) =>
        Narrow("for offender " + offenderId, f => string.Equals(f.OffenderId, offenderId, StringComparison.Ordinal), because, becauseArgs);

    /// <summary>Keeps the findings about manager <paramref name="managerId"/>.</summary>
    /// <param name="managerId">The manager's id.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The narrowed assertions.</returns>
    [CustomAssertion]
    public FindingAssertions ForManager(string managerId, string because = "", params object[] becauseArgs) =>
        Narrow("for manager " + managerId, f => string.Equals(f.ManagerId, managerId, StringComparison.Ordinal), because, becauseArgs);

    /// <summary>Keeps the findings about team <paramref name="teamId"/>.</summary>
    /// <param name="teamId">The team's id.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The narrowed assertions.</returns>
    [CustomAssertion]
    public FindingAssertions ForTeam(string teamId, string because = "", params object[] becauseArgs) =>
        Narrow("for team " + teamId, f => string.Equals(f.TeamId, teamId, StringComparison.Ordinal), because, becauseArgs);

    /// <summary>Keeps the findings about neighbourhood <paramref name="neighbourhoodId"/>.</summary>
    /// <param name="neighbourhoodId">The neighbourhood's id.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The narrowed assertions.</returns>
    [CustomAssertion]
    public FindingAssertions ForNeighbourhood(string neighbourhoodId, string because = "", params object[] becauseArgs) =>
        Narrow("for neighbourhood " + neighbourhoodId, f => string.Equals(f.NeighbourhoodId, neighbourhoodId, StringComparison.Ordinal), because, becauseArgs);

    /// <summary>Keeps the findings produced by rule <paramref name="ruleName"/>.</summary>
    /// <param name="ruleName">The rule's name (see <c>RuleNames</c>).</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The narrowed assertions.</returns>
    [CustomAssertion]
    public FindingAssertions FromRule(string ruleName, string because = "", params object[] becauseArgs) =>
        Narrow("from rule " + ruleName, f => string.Equals(f.Rule, ruleName, StringComparison.Ordinal), because, becauseArgs);

    /// <summary>
    /// Keeps the findings whose field <paramref name="field"/> (its contract name, e.g. <c>daysOverdue</c>) holds
    /// <paramref name="value"/> as the findings document writes it: any field of the findings schema, including ones
    /// added after these assertions were written.
    /// </summary>
    /// <param name="field">A finding field's contract name (see <c>FindingSchema.Fields</c>).</param>
    /// <param name="value">The value as the findings document writes it (<c>8</c>, <c>2018-04-23</c>, <c>Supervisor</c>).</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The narrowed assertions.</returns>
    /// <exception cref="ArgumentException"><paramref name="field"/> is not a finding field.</exception>
    [CustomAssertion]
    public FindingAssertions WithField(string field, string value, string because = "", params object[] becauseArgs)
    {
        var described = Findings.FindingSchema.FieldNamed(field)
            ?? throw new ArgumentException(field + " is not a finding field; they are " + string.Join(", ", Findings.FindingSchema.Fields.Select(static f => f.Name)) + ".", nameof(field));
        return Narrow("with " + field + " " + value, f => string.Equals(described.Format(f), value, StringComparison.Ordinal), because, becauseArgs);
    }

    /// <summary>Keeps the findings of risk level <paramref name="riskLevel"/>.</summary>
    /// <param name="riskLevel">The risk level.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The narrowed assertions.</returns>
    [CustomAssertion]
    public FindingAssertions WithRiskLevel(RiskLevel riskLevel, string because = "", params object[] becauseArgs) =>
        Narrow("of risk " + riskLevel, f => f.RiskLevel == riskLevel, because, becauseArgs);

    /// <summary>Keeps the findings due on <paramref name="date"/>.</summary>
    /// <param name="date">The due date.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The narrowed assertions.</returns>
    [CustomAssertion]
    public FindingAssertions DueOn(DateOnly date, string because = "", params object[] becauseArgs) =>
        Narrow("due on " + Date(date), f => f.DueOn == date, because, becauseArgs);

    /// <summary>Keeps the findings <paramref name="days"/> days overdue.</summary>
    /// <param name="days">Days overdue.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The narrowed assertions.</returns>
    [CustomAssertion]
    public FindingAssertions WithDaysOverdue(int days, string because = "", params object[] becauseArgs) =>
        Narrow(Number(days) + " days overdue", f => f.DaysOverdue == days, because, becauseArgs);

    /// <summary>Keeps the findings due in <paramref name="days"/> days.</summary>
    /// <param name="days">Days until due.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The narrowed assertions.</returns>
    [CustomAssertion]
    public FindingAssertions WithDaysUntilDue(int days, string because = "", params object[] becauseArgs) =>
        Narrow("due in " + Number(days) + " days", f => f.DaysUntilDue == days, because, becauseArgs);

    /// <summary>Keeps the overdue visits escalated to <paramref name="level"/>.</summary>
    /// <param name="level">The escalation level.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The narrowed assertions.</returns>
    [CustomAssertion]
    public FindingAssertions EscalatedTo(EscalationLevel level, string because = "", params object[] becauseArgs) =>
        Narrow("escalated to " + level, f => f.EscalateTo == level, because, becauseArgs);

    /// <summary>Keeps the findings with <paramref name="count"/> no-access visits.</summary>
    /// <param name="count">No-access visits.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The narrowed assertions.</returns>
    [CustomAssertion]
    public FindingAssertions WithNoAccessVisits(int count, string because = "", params object[] becauseArgs) =>
        Narrow("with " + Number(count) + " no-access visits", f => f.NoAccessVisits == count, because, becauseArgs);

    /// <summary>Keeps the findings with a caseload of <paramref name="caseload"/>.</summary>
    /// <param name="caseload">The manager's or team's caseload.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The narrowed assertions.</returns>
    [CustomAssertion]
    public FindingAssertions WithCaseload(int caseload, string because = "", params object[] becauseArgs) =>
        Narrow("with caseload " + Number(caseload), f => f.Caseload == caseload, because, becauseArgs);

    /// <summary>Keeps the findings with <paramref name="count"/> overdue visits (UnitBacklog).</summary>
    /// <param name="count">The team's overdue visits.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The narrowed assertions.</returns>
    [CustomAssertion]
    public FindingAssertions WithOverdueVisits(int count, string because = "", params object[] becauseArgs) =>
        Narrow("with " + Number(count) + " overdue visits", f => f.OverdueVisits == count, because, becauseArgs);

    /// <summary>Keeps the findings whose briefing was needed since <paramref name="date"/>.</summary>
    /// <param name="date">The reference date.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The narrowed assertions.</returns>
    [CustomAssertion]
    public FindingAssertions Since(DateOnly date, string because = "", params object[] becauseArgs) =>
        Narrow("since " + Date(date), f => f.Since == date, because, becauseArgs);

    /// <summary>Keeps the findings about rejected record <paramref name="index"/> (DataQuality).</summary>
    /// <param name="index">The record's index in <c>offenders</c>.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The narrowed assertions.</returns>
    [CustomAssertion]
    public FindingAssertions WithIndex(int index, string because = "", params object[] becauseArgs) =>
        Narrow("for record " + Number(index), f => f.Index == index, because, becauseArgs);

    /// <summary>Keeps the findings whose reason contains <paramref name="text"/> (ordinal).</summary>
    /// <param name="text">The text.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The narrowed assertions.</returns>
    [CustomAssertion]
    public FindingAssertions WithReasonContaining(string text, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Narrow("whose reason contains \"" + text + "\"", f => f.Reason.Contains(text, StringComparison.Ordinal), because, becauseArgs);
    }

    private FindingAssertions Narrow(string step, Func<Finding, bool> keep, string because, object[] becauseArgs)
    {
        var kept = _findings.Where(keep).ToList();
        var description = _description + " " + step;
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(kept.Count > 0)
            .FailWith(
                "Expected {context:report} to have " + AssertionText.Escape(Article(description)) + "{reason}, but "
                + AssertionText.Escape(_findings.Count == 0
                    ? "there is no " + _description + "."
                    : "the " + Plural(_description) + " are:" + AssertionText.Findings(_findings)));
        return new FindingAssertions(And, kept, description);
    }

    private static string Article(string description) =>
        (description.Length > 0 && "AEIOU".Contains(description[0], StringComparison.Ordinal) ? "an " : "a ") + description;

    /// <summary>"VisitOverdue finding for offender X" becomes "VisitOverdue findings for offender X".</summary>
    private static string Plural(string description)
    {
        var at = description.IndexOf(" finding", StringComparison.Ordinal);
        return at < 0 ? description : description.Insert(at + " finding".Length, "s");
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
