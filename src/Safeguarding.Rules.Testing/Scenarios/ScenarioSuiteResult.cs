using System.Globalization;
using System.Text;

namespace Safeguarding.Rules.Testing.Scenarios;

/// <summary>The results of every scenario file in a folder, and the rule coverage over them.</summary>
public sealed class ScenarioSuiteResult
{
    internal ScenarioSuiteResult(string folder, IReadOnlyList<ScenarioResult> results, RuleCoverage coverage)
    {
        Folder = folder;
        Results = results;
        Coverage = coverage;
    }

    /// <summary>The folder as it was given.</summary>
    public string Folder { get; }

    /// <summary>One result per scenario file, in ordinal order of the file names.</summary>
    public IReadOnlyList<ScenarioResult> Results { get; }

    /// <summary>Which rules of the evaluator's catalogue fired in at least one readable scenario, and which never did.</summary>
    public RuleCoverage Coverage { get; }

    /// <summary>The number of scenarios that passed.</summary>
    public int PassedCount => Results.Count(r => r.Outcome == ScenarioOutcome.Passed);

    /// <summary>The number of scenarios that failed.</summary>
    public int FailedCount => Results.Count(r => r.Outcome == ScenarioOutcome.Failed);

    /// <summary>The number of files that could not be read as scenarios.</summary>
    public int UnreadableCount => Results.Count(r => r.Outcome == ScenarioOutcome.Unreadable);

    /// <summary>Whether there was at least one scenario and every scenario passed.</summary>
    public bool AllPassed => Results.Count > 0 && Results.All(r => r.Passed);

    /// <summary>
    /// Every result (<see cref="ScenarioResult.ToString"/>: one line per passing scenario, the diff of each failing one,
    /// the problems of each unreadable file), then a closing line
    /// <c>N scenarios in FOLDER: P passed, F failed, U unreadable</c>.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var result in Results)
        {
            text.Append(result).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"{Results.Count} scenarios in {Folder}: {PassedCount} passed, {FailedCount} failed, {UnreadableCount} unreadable");
        if (Results.Count == 0)
        {
            text.Append(" (no *.yaml or *.yml file found)");
        }

        return text.ToString();
    }
}
