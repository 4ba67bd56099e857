using Safeguarding.Rules.Changes;

namespace Safeguarding.Rules.Cli.Input;

/// <summary>Reads the earlier run's findings document given to <c>--since</c>; any problem is bad input (exit 2).</summary>
internal static class EarlierRunSource
{
    /// <summary>Reads the document and adds one line per problem to <paramref name="problems"/>.</summary>
    /// <returns>The document, or <see langword="null"/> when it has problems.</returns>
    public static FindingsDocument? Check(string path, List<string> problems)
    {
        if (!File.Exists(path))
        {
            problems.Add(path + ": earlier findings document (--since) not found");
            return null;
        }

        FindingsDocumentReadResult result;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            result = FindingsDocument.Read(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(path + ": earlier findings document (--since) cannot be read: " + e.Message.ReplaceLineEndings(" "));
            return null;
        }

        if (!result.IsValid)
        {
            problems.AddRange(result.Problems.Select(p => path + ": " + p));
            return null;
        }

        return result.Document;
    }

    /// <summary>The closing line when the earlier document is the only input with problems.</summary>
    public static string Summary(string path, int problems) =>
        Output.ProblemText.Count(problems) + " in the earlier findings document " + path + " (--since); nothing was evaluated.";
}
