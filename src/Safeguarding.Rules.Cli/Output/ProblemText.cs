using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Cli.Output;

/// <summary>Problem lines and counts for stderr: record, field and what is wrong; never a record's values.</summary>
internal static class ProblemText
{
    public static IReadOnlyList<string> Lines(IEnumerable<InputProblem> problems, string source) =>
        problems.Select(p => source + ": " + p).ToList();

    public static string Count(int problems) => problems == 1 ? "1 problem" : Text.Number(problems) + " problems";

    /// <summary>The closing line of a run stopped by problems in two or more files: "N problems found in A, B and C; <paramref name="outcome"/>."</summary>
    public static string FoundIn(int problems, IReadOnlyList<string> files, string outcome) =>
        Count(problems) + " found in " + string.Join(", ", files.Take(files.Count - 1)) + " and " + files[^1] + "; " + outcome + ".";
}
