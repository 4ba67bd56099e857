using System.Globalization;
using System.Text.Json;

namespace Safeguarding.Rules.Impact;

/// <summary>A field of <see cref="Finding"/> that impact analysis compares, with its document name and text.</summary>
internal sealed class ComparedField
{
    private ComparedField(string name, Func<Finding, string?> text, Func<Finding, int?>? number = null)
    {
        Name = name;
        EncodedName = JsonEncodedText.Encode(name);
        Text = text;
        Number = number;
    }

    /// <summary>
    /// Every compared field, in the findings document's field order. Everything but <c>kind</c>, <c>rule</c> (which
    /// follows the escalation level), <c>reason</c> (which follows the values) and <c>offenderId</c> / <c>index</c>
    /// (part of the key).
    /// </summary>
    public static IReadOnlyList<ComparedField> All { get; } =
    [
        new("managerId", static f => f.ManagerId),
        new("teamId", static f => f.TeamId),
        new("riskLevel", static f => f.RiskLevel?.ToString()),
        new("neighbourhoodId", static f => f.NeighbourhoodId),
        new("since", static f => Date(f.Since)),
        new("dueOn", static f => Date(f.DueOn)),
        Int("daysOverdue", static f => f.DaysOverdue),
        Int("daysUntilDue", static f => f.DaysUntilDue),
        new("escalateTo", static f => f.EscalateTo?.ToString()),
        Int("noAccessVisits", static f => f.NoAccessVisits),
        Int("overdueVisits", static f => f.OverdueVisits),
        Int("caseload", static f => f.Caseload),
    ];

    private static readonly Dictionary<string, ComparedField> ByName = All.ToDictionary(static f => f.Name, StringComparer.Ordinal);

    public string Name { get; }

    public JsonEncodedText EncodedName { get; }

    /// <summary>The value as the findings document writes it; <see langword="null"/> when absent.</summary>
    public Func<Finding, string?> Text { get; }

    /// <summary>For a number field, its value; <see langword="null"/> for a text field.</summary>
    public Func<Finding, int?>? Number { get; }

    public static ComparedField Named(string name) => ByName[name];

    /// <summary>The fields whose values differ between <paramref name="baseline"/> and <paramref name="proposed"/>.</summary>
    public static List<FieldChange> Differences(Finding baseline, Finding proposed)
    {
        var changes = new List<FieldChange>();
        foreach (var field in All)
        {
            var before = field.Text(baseline);
            var after = field.Text(proposed);
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange { Field = field.Name, Baseline = before, Proposed = after });
            }
        }

        return changes;
    }

    private static ComparedField Int(string name, Func<Finding, int?> number) =>
        new(name, f => number(f)?.ToString(CultureInfo.InvariantCulture), number);

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
