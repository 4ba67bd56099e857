using System.Globalization;
using System.Text;
using Safeguarding.Rules.Evaluation;

namespace Safeguarding.Rules.Testing;

/// <summary>
/// Which rules of an evaluator's catalogue fired at least once over a set of evaluations, and which never did.
/// A rule that never fires in a test suite is policy nobody has checked.
/// </summary>
public sealed class RuleCoverage
{
    private RuleCoverage(IReadOnlyList<RuleCoverageEntry> rules, int evaluations)
    {
        Rules = rules;
        Evaluations = evaluations;
    }

    /// <summary>Every rule of the catalogue, in catalogue order, with where it fired.</summary>
    public IReadOnlyList<RuleCoverageEntry> Rules { get; }

    /// <summary>The number of evaluations the coverage was collected over.</summary>
    public int Evaluations { get; }

    /// <summary>The names of the rules that fired at least once, in catalogue order.</summary>
    public IReadOnlyList<string> Fired => Rules.Where(r => r.Fired).Select(r => r.Rule.Name).ToList();

    /// <summary>The names of the rules that never fired, in catalogue order.</summary>
    public IReadOnlyList<string> NeverFired => Rules.Where(r => !r.Fired).Select(r => r.Rule.Name).ToList();

    /// <summary>Collects coverage over <paramref name="reports"/>; each report is named <c>evaluation 1</c>, <c>evaluation 2</c>, ... in <see cref="RuleCoverageEntry.FiredIn"/>.</summary>
    /// <param name="catalogue">The evaluator's rules (<see cref="ISafeguardingEvaluator.Rules"/>).</param>
    /// <param name="reports">The evaluation reports.</param>
    /// <returns>The coverage.</returns>
    public static RuleCoverage Of(IReadOnlyList<RuleInfo> catalogue, IEnumerable<EvaluationReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return Of(catalogue, reports.Select((r, i) => (string.Create(CultureInfo.InvariantCulture, $"evaluation {i + 1}"), r.FiredRules)));
    }

    internal static RuleCoverage Of(IReadOnlyList<RuleInfo> catalogue, IEnumerable<(string Name, IReadOnlySet<string> Fired)> runs)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var firedIn = catalogue.ToDictionary(r => r.Name, _ => new List<string>(), StringComparer.Ordinal);
        var count = 0;
        foreach (var (name, fired) in runs)
        {
            count++;
            foreach (var rule in fired)
            {
                if (firedIn.TryGetValue(rule, out var list))
                {
                    list.Add(name);
                }
            }
        }

        return new RuleCoverage(catalogue.Select(r => new RuleCoverageEntry(r, firedIn[r.Name])).ToList(), count);
    }

    /// <summary>
    /// The coverage as a table: a heading line <c>Rule coverage: F of N rules fired in S scenarios</c>, then one line per rule
    /// with <c>fired</c> and the number of scenarios, or <c>NEVER</c>, and the finding kind it produces.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        var fired = Rules.Count(r => r.Fired);
        text.Append(CultureInfo.InvariantCulture, $"Rule coverage: {fired} of {Rules.Count} rules fired in {Scenarios(Evaluations)}");
        var width = Rules.Count == 0 ? 0 : Rules.Max(r => r.Rule.Name.Length);
        foreach (var entry in Rules)
        {
            var status = entry.Fired
                ? "fired in " + Scenarios(entry.FiredIn.Count)
                : "NEVER fired";
            text.Append("\n  ").Append(entry.Rule.Name.PadRight(width)).Append("  ");
            if (entry.Rule.FindingKind is { } kind)
            {
                text.Append(status.PadRight(22)).Append("  ").Append(kind);
            }
            else
            {
                text.Append(status);
            }
        }

        return text.ToString();
    }

    private static string Scenarios(int count) =>
        count == 1 ? "1 scenario" : count.ToString(CultureInfo.InvariantCulture) + " scenarios";
}
