using System.Globalization;
using System.Text;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Findings;

namespace Safeguarding.Rules.Testing.Scenarios;

/// <summary>
/// One expected finding of a scenario: its kind and the fields to match. A finding matches when every field the
/// expectation gives equals the finding's (fields left <see langword="null"/> match anything). With <see cref="None"/>
/// it says that there is no finding of the kind at all.
/// </summary>
public sealed record FindingExpectation
{
    /// <summary>The finding kind (see <see cref="FindingKinds"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>Whether this says "no finding of <see cref="Kind"/>" (no other field is then given).</summary>
    public bool None { get; init; }

    /// <summary>The offender's id (scenario field <c>offender</c>).</summary>
    public string? OffenderId { get; init; }

    /// <summary>The manager's id (scenario field <c>manager</c>).</summary>
    public string? ManagerId { get; init; }

    /// <summary>The team's id (scenario field <c>team</c>).</summary>
    public string? TeamId { get; init; }

    /// <summary>The neighbourhood's id (scenario field <c>neighbourhood</c>).</summary>
    public string? NeighbourhoodId { get; init; }

    /// <summary>The rejected record's index (scenario field <c>index</c>).</summary>
    public int? Index { get; init; }

    /// <summary>The offender's risk level (scenario field <c>risk</c>).</summary>
    public RiskLevel? RiskLevel { get; init; }

    /// <summary>The due date (scenario field <c>dueOn</c>).</summary>
    public DateOnly? DueOn { get; init; }

    /// <summary>Days overdue (scenario field <c>daysOverdue</c>).</summary>
    public int? DaysOverdue { get; init; }

    /// <summary>Days until due (scenario field <c>daysUntilDue</c>).</summary>
    public int? DaysUntilDue { get; init; }

    /// <summary>The escalation level (scenario field <c>escalateTo</c>).</summary>
    public EscalationLevel? EscalateTo { get; init; }

    /// <summary>No-access visits (scenario field <c>noAccessVisits</c>).</summary>
    public int? NoAccessVisits { get; init; }

    /// <summary>A manager's or team's caseload (scenario field <c>caseload</c>).</summary>
    public int? Caseload { get; init; }

    /// <summary>A team's overdue visits (scenario field <c>overdueVisits</c>).</summary>
    public int? OverdueVisits { get; init; }

    /// <summary>The date a briefing was needed from (scenario field <c>since</c>).</summary>
    public DateOnly? Since { get; init; }

    /// <summary>The rule that produced the finding (scenario field <c>rule</c>).</summary>
    public string? Rule { get; init; }

    /// <summary>Text the finding's reason must contain, compared ordinally (scenario field <c>reasonContains</c>).</summary>
    public string? ReasonContains { get; init; }

    /// <summary>The line of the scenario file the expectation is on; 0 when it was built in code.</summary>
    public int Line { get; init; }

    /// <summary>Whether <paramref name="finding"/> is of <see cref="Kind"/> and has every field this expectation gives.</summary>
    /// <param name="finding">An actual finding.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    public bool Matches(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return !None && string.Equals(finding.Kind, Kind, StringComparison.Ordinal) && Mismatches(finding).Count == 0;
    }

    /// <summary>The fields this expectation gives that <paramref name="finding"/> does not have, each as <c>field (expected X, actual Y)</c>.</summary>
    /// <param name="finding">An actual finding.</param>
    /// <returns>The differences; empty when every given field matches.</returns>
    public IReadOnlyList<string> Mismatches(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var differences = new List<string>();
        var actual = Fields(finding, includeRule: true);
        foreach (var (name, expected) in GivenFields())
        {
            if (string.Equals(name, "reasonContains", StringComparison.Ordinal))
            {
                if (!finding.Reason.Contains(ReasonContains!, StringComparison.Ordinal))
                {
                    differences.Add("reasonContains (the reason does not contain the text)");
                }

                continue;
            }

            var value = actual.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal)).Value;
            if (!string.Equals(expected, value, StringComparison.Ordinal))
            {
                differences.Add($"{name} (expected {expected}, actual {value ?? "none"})");
            }
        }

        return differences;
    }

    /// <summary>Whether <paramref name="finding"/> is about the subject this expectation names (offender, manager, team or record index), whatever its other fields.</summary>
    /// <param name="finding">An actual finding of the same kind.</param>
    /// <returns><see langword="true"/> when the expectation names a subject and the finding has it.</returns>
    public bool IsAbout(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (OffenderId is null && ManagerId is null && TeamId is null && Index is null)
        {
            return false;
        }

        return (OffenderId is null || string.Equals(OffenderId, finding.OffenderId, StringComparison.Ordinal))
            && (ManagerId is null || string.Equals(ManagerId, finding.ManagerId, StringComparison.Ordinal))
            && (TeamId is null || string.Equals(TeamId, finding.TeamId, StringComparison.Ordinal))
            && (Index is null || Index == finding.Index);
    }

    /// <summary>The expectation as a scenario file line: <c>{ kind: VisitOverdue, offender: RSO-1, daysOverdue: 8 }</c>.</summary>
    public override string ToString()
    {
        var fields = new List<(string Name, string Value)> { ("kind", Kind) };
        if (None)
        {
            fields.Add(("none", "true"));
        }

        fields.AddRange(GivenFields().Select(f => (f.Name, string.Equals(f.Name, "reasonContains", StringComparison.Ordinal) ? Quote(f.Value) : f.Value)));
        return Flow(fields);
    }

    /// <summary>
    /// An actual finding in the scenario file's form, with every field the contract gives its kind and its rule:
    /// <c>{ kind: VisitOverdue, offender: RSO-1, ..., rule: OverdueStaysWithOffenderManager }</c>. Assertion libraries
    /// use it to show findings in their failure messages; a policy officer can paste it into an <c>expect</c> list.
    /// </summary>
    /// <param name="finding">The finding.</param>
    /// <returns>The finding as one flow mapping, without its reason.</returns>
    public static string Describe(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return Flow([("kind", finding.Kind), .. Fields(finding, includeRule: true).Where(f => f.Value is not null).Select(f => (f.Name, f.Value!))]);
    }

    internal static string Flow(IEnumerable<(string Name, string Value)> fields)
    {
        var text = new StringBuilder("{ ");
        var first = true;
        foreach (var (name, value) in fields)
        {
            if (!first)
            {
                text.Append(", ");
            }

            text.Append(name).Append(": ").Append(value);
            first = false;
        }

        return text.Append(" }").ToString();
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private IEnumerable<(string Name, string Value)> GivenFields()
    {
        var fields = new List<(string Name, string? Value)>
        {
            ("offender", OffenderId),
            ("manager", ManagerId),
            ("team", TeamId),
            ("neighbourhood", NeighbourhoodId),
            ("index", Number(Index)),
            ("risk", RiskLevel?.ToString()),
            ("dueOn", Date(DueOn)),
            ("daysOverdue", Number(DaysOverdue)),
            ("daysUntilDue", Number(DaysUntilDue)),
            ("escalateTo", EscalateTo?.ToString()),
            ("noAccessVisits", Number(NoAccessVisits)),
            ("caseload", Number(Caseload)),
            ("overdueVisits", Number(OverdueVisits)),
            ("since", Date(Since)),
            ("rule", Rule),
            ("reasonContains", ReasonContains),
        };
        return fields.Where(f => f.Value is not null).Select(f => (f.Name, f.Value!));
    }

    private static List<(string Name, string? Value)> Fields(Finding finding, bool includeRule)
    {
        var fields = new List<(string Name, string? Value)>
        {
            ("offender", finding.OffenderId),
            ("manager", finding.ManagerId),
            ("team", finding.TeamId),
            ("neighbourhood", finding.NeighbourhoodId),
            ("index", Number(finding.Index)),
            ("risk", finding.RiskLevel?.ToString()),
            ("dueOn", Date(finding.DueOn)),
            ("daysOverdue", Number(finding.DaysOverdue)),
            ("daysUntilDue", Number(finding.DaysUntilDue)),
            ("escalateTo", finding.EscalateTo?.ToString()),
            ("noAccessVisits", Number(finding.NoAccessVisits)),
            ("caseload", Number(finding.Caseload)),
            ("overdueVisits", Number(finding.OverdueVisits)),
            ("since", Date(finding.Since)),
        };
        if (includeRule)
        {
            fields.Add(("rule", finding.Rule));
        }

        return fields;
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
