using System.Text;
using Safeguarding.Rules.Findings;

namespace Safeguarding.Rules.Testing.Scenarios;

/// <summary>
/// One expected finding of a scenario: its kind and the fields to match. A finding matches when every field the
/// expectation gives equals the finding's (fields not given match anything). With <see cref="None"/> it says that
/// there is no finding of the kind at all.
/// </summary>
/// <remarks>
/// Fields are those of <see cref="FindingSchema"/>, keyed by their contract names (<c>offenderId</c>, <c>daysOverdue</c>)
/// and holding the values as the findings document writes them (<c>RSO-1</c>, <c>8</c>, <c>2018-04-10</c>,
/// <c>DetectiveInspector</c>). Scenario files name them by their aliases (<c>offender</c>, <c>risk</c>).
/// </remarks>
public sealed record FindingExpectation
{
    private static readonly IReadOnlyDictionary<string, string> NoFields = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The finding kind (see <see cref="FindingKinds"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>Whether this says "no finding of <see cref="Kind"/>" (no other field is then given).</summary>
    public bool None { get; init; }

    /// <summary>
    /// The expected field values: contract field name (<see cref="FindingField.Name"/>) to the value as the findings
    /// document writes it (<see cref="FindingField.Format"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = NoFields;

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
    /// <returns>The differences, named as scenario files name the fields; empty when every given field matches.</returns>
    public IReadOnlyList<string> Mismatches(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var differences = new List<string>();
        foreach (var (field, expected) in GivenFields())
        {
            var actual = field.Format(finding);
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                differences.Add($"{field.Alias} (expected {expected}, actual {actual ?? "none"})");
            }
        }

        foreach (var name in Fields.Keys.Where(static name => FindingSchema.FieldNamed(name) is null).Order(StringComparer.Ordinal))
        {
            differences.Add($"{name} (not a finding field)");
        }

        if (Rule is not null && !string.Equals(Rule, finding.Rule, StringComparison.Ordinal))
        {
            differences.Add($"rule (expected {Rule}, actual {finding.Rule})");
        }

        if (ReasonContains is not null && !finding.Reason.Contains(ReasonContains, StringComparison.Ordinal))
        {
            differences.Add("reasonContains (the reason does not contain the text)");
        }

        return differences;
    }

    /// <summary>
    /// Whether <paramref name="finding"/> is about the subject this expectation names, whatever its other fields: the
    /// expectation gives at least one of the kind's identity fields (<see cref="FindingKindSchema.Identity"/>), and the
    /// finding has each one given.
    /// </summary>
    /// <param name="finding">An actual finding of the same kind.</param>
    /// <returns><see langword="true"/> when the expectation names a subject and the finding has it.</returns>
    public bool IsAbout(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var named = false;
        foreach (var field in FindingSchema.Of(Kind).Identity)
        {
            if (Fields.TryGetValue(field.Name, out var expected))
            {
                named = true;
                if (!string.Equals(expected, field.Format(finding), StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        return named;
    }

    /// <summary>The expectation as a scenario file line: <c>{ kind: VisitOverdue, offender: RSO-1, daysOverdue: 8 }</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString()
    {
        var fields = new List<(string Name, string Value)> { ("kind", Kind) };
        if (None)
        {
            fields.Add(("none", "true"));
        }

        fields.AddRange(GivenFields().Select(static f => (f.Field.Alias, f.Value)));
        if (Rule is not null)
        {
            fields.Add(("rule", Rule));
        }

        if (ReasonContains is not null)
        {
            fields.Add(("reasonContains", Quote(ReasonContains)));
        }

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
        return Flow([
            ("kind", finding.Kind),
            .. FindingSchema.Of(finding.Kind).Fields.Select(f => (f.Alias, f.Format(finding))).Where(static f => f.Item2 is not null).Select(static f => (f.Alias, f.Item2!)),
            ("rule", finding.Rule),
        ]);
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

    /// <summary>The fields given, in the schema's order.</summary>
    private IEnumerable<(FindingField Field, string Value)> GivenFields() =>
        FindingSchema.Fields.Where(f => Fields.ContainsKey(f.Name)).Select(f => (f, Fields[f.Name]));
}
