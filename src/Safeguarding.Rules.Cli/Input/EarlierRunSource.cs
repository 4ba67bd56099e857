using Safeguarding.Rules.Changes;

namespace Safeguarding.Rules.Cli.Input;

/// <summary>Reads the earlier run's findings document given to <c>--since</c>; any problem is bad input (exit 2).</summary>
internal static class EarlierRunSource
{
    public static FindingsDocument Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ExpectedFailureException(path + ": earlier findings document (--since) not found");
        }

        FindingsDocumentReadResult result;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            result = FindingsDocument.Read(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ExpectedFailureException(path + ": earlier findings document (--since) cannot be read: " + e.Message.ReplaceLineEndings(" "));
        }

        if (!result.IsValid)
        {
            throw new ExpectedFailureException(
                result.Problems.Select(p => path + ": " + p).ToList(),
                Output.ProblemText.Count(result.Problems.Count) + " in the earlier findings document " + path + " (--since); nothing was evaluated.");
        }

        return result.Document;
    }
}
