using System.Text;
using Safeguarding.Rules.Evaluation;

namespace Safeguarding.Rules.Testing.Scenarios;

/// <summary>
/// How one scenario file fared: passed, failed (with the differences between expected and actual findings) or unreadable
/// (with every problem).
/// </summary>
public sealed class ScenarioResult
{
    internal ScenarioResult(
        string name,
        string path,
        ScenarioOutcome outcome,
        Scenario? scenario,
        IReadOnlyList<ScenarioProblem> problems,
        EvaluationReport? report,
        IReadOnlyList<FindingDifference> differences,
        IReadOnlyList<string> errors)
    {
        Name = name;
        Path = path;
        Outcome = outcome;
        Scenario = scenario;
        Problems = problems;
        Report = report;
        Differences = differences;
        Errors = errors;
        FiredRules = report?.FiredRules ?? new HashSet<string>(StringComparer.Ordinal);
    }

    /// <summary>The scenario's name: its file name (relative to the folder, with <c>/</c>, when run from a folder).</summary>
    public string Name { get; }

    /// <summary>The file's path as it was given.</summary>
    public string Path { get; }

    /// <summary>Passed, failed or unreadable.</summary>
    public ScenarioOutcome Outcome { get; }

    /// <summary>Whether every expectation held.</summary>
    public bool Passed => Outcome == ScenarioOutcome.Passed;

    /// <summary>The scenario; <see langword="null"/> when the file was unreadable.</summary>
    public Scenario? Scenario { get; }

    /// <summary>Every problem with the file when it was unreadable (each naming file, line, column and field); otherwise empty.</summary>
    public IReadOnlyList<ScenarioProblem> Problems { get; }

    /// <summary>The evaluation report; <see langword="null"/> when nothing was evaluated.</summary>
    public EvaluationReport? Report { get; }

    /// <summary>The missing, unexpected and differing findings; empty when passed.</summary>
    public IReadOnlyList<FindingDifference> Differences { get; }

    /// <summary>Failures that are not about findings: the given facts were not valid input, or the policy changes are invalid over the runner's base policy.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>The names of the rules that fired at least once in the evaluation.</summary>
    public IReadOnlySet<string> FiredRules { get; }

    /// <summary>
    /// The readable diff of expected and actual findings, by kind: <c>- missing</c>, <c>+ unexpected</c> and
    /// <c>~ expected</c> / <c>actual</c> for a finding about the right subject with other values, each actual finding
    /// with its reason. Empty when passed.
    /// </summary>
    public string Diff => string.Join('\n', DiffLines(string.Empty));

    /// <summary>
    /// <c>name: passed</c>; <c>name: failed</c> followed by the description and the diff; or <c>name: unreadable</c>
    /// followed by every problem with the file. Each line after the first is indented by two spaces. A runner that
    /// prints its own verdicts (the CLI's <c>PASS</c>/<c>FAIL</c>) builds them from <see cref="Outcome"/>,
    /// <see cref="Diff"/> and <see cref="Problems"/>.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder(Name);
        switch (Outcome)
        {
            case ScenarioOutcome.Passed:
                text.Append(": passed");
                break;
            case ScenarioOutcome.Unreadable:
                text.Append(": unreadable");
                foreach (var problem in Problems)
                {
                    text.Append("\n  ").Append(problem);
                }

                break;
            default:
                text.Append(": failed");
                if (Scenario is not null)
                {
                    text.Append("\n  ").Append(Scenario.Description);
                }

                foreach (var line in DiffLines("  "))
                {
                    text.Append('\n').Append(line);
                }

                break;
        }

        return text.ToString();
    }

    private IEnumerable<string> DiffLines(string indent)
    {
        foreach (var error in Errors)
        {
            yield return indent + error;
        }

        foreach (var kind in Differences.GroupBy(d => d.FindingKind, StringComparer.Ordinal))
        {
            var missing = kind.Count(d => d.Kind == FindingDifferenceKind.Missing);
            var unexpected = kind.Count(d => d.Kind == FindingDifferenceKind.Unexpected);
            var differing = kind.Count(d => d.Kind == FindingDifferenceKind.Differing);
            yield return string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{indent}{kind.Key}: {missing} missing, {unexpected} unexpected, {differing} differing");
            foreach (var difference in kind)
            {
                foreach (var line in difference.Lines(indent + "  "))
                {
                    yield return line;
                }
            }
        }
    }
}
