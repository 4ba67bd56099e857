using System.Text;
using Safeguarding.Rules.Testing.Scenarios;

namespace Safeguarding.Rules.Cli.Output;

/// <summary>
/// What <c>test</c> prints: one line per scenario file (<c>PASS</c>, <c>FAIL</c> with the diff of expected and actual
/// findings, <c>UNREADABLE</c>), a summary line, and with coverage the rules that fired and those that never did.
/// The problems of unreadable files go to stderr.
/// </summary>
internal static class ScenarioSuiteText
{
    /// <summary>Writes the results and the summary line to <paramref name="output"/>, and each problem of an unreadable file to <paramref name="error"/>.</summary>
    public static void Write(ScenarioSuiteResult suite, bool coverage, TextWriter output, TextWriter error)
    {
        foreach (var result in suite.Results)
        {
            if (result.Outcome == ScenarioOutcome.Unreadable)
            {
                output.WriteLine("UNREADABLE " + result.Name + " (" + ProblemText.Count(result.Problems.Count) + ", on stderr)");
                foreach (var problem in result.Problems)
                {
                    error.WriteLine("error: " + problem);
                }
            }
            else
            {
                WriteLines(output, Verdict(result));
            }
        }

        output.WriteLine();
        output.WriteLine(Summary(suite));
        if (coverage)
        {
            output.WriteLine();
            WriteLines(output, suite.Coverage.ToString());
        }

        if (suite.UnreadableCount > 0)
        {
            var problems = suite.Results.Sum(static r => r.Problems.Count);
            error.WriteLine(
                ProblemText.Count(problems) + " in " + Files(suite.UnreadableCount) + " that could not be read as scenarios; unreadable files are not run.");
        }
    }

    /// <summary>
    /// <c>PASS name</c>; or <c>FAIL name</c> followed by the scenario's description and its diff, each line indented by
    /// two spaces.
    /// </summary>
    public static string Verdict(ScenarioResult result)
    {
        if (result.Passed)
        {
            return "PASS " + result.Name;
        }

        var text = new StringBuilder("FAIL ").Append(result.Name);
        if (result.Scenario is not null)
        {
            text.Append("\n  ").Append(result.Scenario.Description);
        }

        if (result.Diff.Length > 0)
        {
            foreach (var line in result.Diff.Split('\n'))
            {
                text.Append("\n  ").Append(line);
            }
        }

        return text.ToString();
    }

    /// <summary><c>N scenarios in FOLDER: P passed, F failed, U unreadable</c>.</summary>
    public static string Summary(ScenarioSuiteResult suite)
    {
        var line = Text.Number(suite.Results.Count) + (suite.Results.Count == 1 ? " scenario in " : " scenarios in ") + suite.Folder + ": "
            + Text.Number(suite.PassedCount) + " passed, " + Text.Number(suite.FailedCount) + " failed, " + Text.Number(suite.UnreadableCount) + " unreadable";
        return suite.Results.Count == 0 ? line + " (no *.yaml or *.yml file found)" : line;
    }

    /// <summary>
    /// Writes the kit's multi-line text (lines joined by LF) one line at a time, so the terminal writer escapes what is
    /// in each line but keeps the line ends. A raw LF inside an id of a scenario file still ends a line here.
    /// </summary>
    private static void WriteLines(TextWriter output, string text)
    {
        foreach (var line in text.Split('\n'))
        {
            output.WriteLine(line);
        }
    }

    private static string Files(int count) => count == 1 ? "1 file" : Text.Number(count) + " files";
}
