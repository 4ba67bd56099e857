using System.Reflection;

namespace Safeguarding.Rules.Consumer.Tests.Support;

/// <summary>Finds the repository: the nearest folder above the test binaries holding Safeguarding.Rules.sln, else the one recorded at build time.</summary>
internal static class Repository
{
    private const string Solution = "Safeguarding.Rules.sln";

    public static string Root { get; } = Find();

    public static string SolutionPath => Path.Combine(Root, Solution);

    /// <summary>The example scenarios.</summary>
    public static string Scenarios => Path.Combine(Root, "scenarios");

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, Solution)))
            {
                return directory.FullName;
            }
        }

        var recorded = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, Solution)))
        {
            return recorded;
        }

        throw new DirectoryNotFoundException($"No folder holding {Solution} above {AppContext.BaseDirectory}, nor at the path recorded at build time.");
    }
}
