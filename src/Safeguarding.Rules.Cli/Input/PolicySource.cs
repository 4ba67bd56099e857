using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Cli.Input;

/// <summary>Reads a policy file (contract section 4), merged over the defaults by the library's reader.</summary>
internal static class PolicySource
{
    /// <summary>The policy in <paramref name="path"/>; the default policy when <paramref name="path"/> is <see langword="null"/>.</summary>
    /// <exception cref="ExpectedFailureException">The file is missing, unreadable or invalid; every problem is listed, naming the property.</exception>
    public static SafeguardingPolicy Load(string? path)
    {
        var problems = new List<string>();
        var policy = Check(path, problems);
        if (policy is null || problems.Count > 0)
        {
            throw new ExpectedFailureException(problems, Output.ProblemText.Count(problems.Count) + " in policy " + path + ".");
        }

        return policy;
    }

    /// <summary>Reads the policy and adds one line per problem to <paramref name="problems"/>.</summary>
    /// <returns>The effective policy, or <see langword="null"/> when it has problems.</returns>
    public static SafeguardingPolicy? Check(string? path, List<string> problems)
    {
        if (path is null)
        {
            return new SafeguardingPolicy();
        }

        if (!File.Exists(path))
        {
            problems.Add(path + ": policy file not found");
            return null;
        }

        PolicyReadResult result;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            result = PolicyJson.Read(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(path + ": cannot be read: " + e.Message.ReplaceLineEndings(" "));
            return null;
        }

        foreach (var problem in result.Problems)
        {
            problems.Add(path + ": " + problem);
        }

        return result.Problems.Count == 0 ? result.Policy : null;
    }
}
