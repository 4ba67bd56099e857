using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Testing.Scenarios;

namespace Safeguarding.Rules.Testing;

/// <summary>Text for assertion failure messages: findings in the scenario file's form, and what fired.</summary>
internal static class AssertionText
{
    private const int MaxListed = 25;

    /// <summary>Escapes text for a FluentAssertions message, which treats braces as placeholders.</summary>
    public static string Escape(string text) =>
        text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);

    public static string Findings(IEnumerable<Finding> findings)
    {
        var list = findings.ToList();
        if (list.Count == 0)
        {
            return "(none)";
        }

        var lines = list.Take(MaxListed).Select(f => "\n  " + FindingExpectation.Describe(f) + "\n    reason: " + f.Reason);
        var more = list.Count > MaxListed ? Invariant($"\n  ... and {list.Count - MaxListed} more") : string.Empty;
        return string.Concat(lines) + more;
    }

    public static string FindingCounts(EvaluationReport report) =>
        report.Findings.Count == 0
            ? "it has no findings at all"
            : "its findings are " + string.Join(", ", report.Findings.GroupBy(f => f.Kind, StringComparer.Ordinal).Select(g => Invariant($"{g.Count()} {g.Key}")));

    /// <summary>
    /// The subjects a rule fired for: the offender, manager or team, the strategy discussion, detention or police protection
    /// (or rejected record) of each finding it produced.
    /// </summary>
    public static List<string> SubjectsOf(EvaluationReport report, string ruleName) =>
        report.Findings
            .Where(f => string.Equals(f.Rule, ruleName, StringComparison.Ordinal)
                || (string.Equals(ruleName, RuleNames.VisitOverdue, StringComparison.Ordinal) && string.Equals(f.Kind, FindingKinds.VisitOverdue, StringComparison.Ordinal)))
            .Select(Subject)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// A finding's subject: its offender, manager, child-protection record (a discussion's or protection's team holds many
    /// of them, so the record comes before the team), team, or the rejected record's id or index.
    /// </summary>
    public static string Subject(Finding finding) =>
        finding.OffenderId ?? finding.ManagerId ?? finding.DiscussionId ?? finding.DetentionId ?? finding.ProtectionId ?? finding.TeamId
        ?? finding.RecordId ?? Invariant($"record {finding.Index}");

    /// <summary>Every rule that fired, each with the subjects of its findings: <c>RuleName (RSO-1, RSO-2)</c>.</summary>
    public static string Fired(EvaluationReport report)
    {
        if (report.FiredRules.Count == 0)
        {
            return "no rule fired";
        }

        var lines = report.FiredRules.OrderBy(r => r, StringComparer.Ordinal).Select(rule =>
        {
            var subjects = SubjectsOf(report, rule);
            return "\n  " + rule + (subjects.Count == 0 ? string.Empty : " for " + string.Join(", ", subjects));
        });
        return "the rules that fired are:" + string.Concat(lines);
    }

    private static string Invariant(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
