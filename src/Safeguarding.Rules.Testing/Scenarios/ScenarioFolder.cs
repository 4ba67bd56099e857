namespace Safeguarding.Rules.Testing.Scenarios;

/// <summary>
/// Turns a folder of scenario files into test cases, with no dependency on a test framework: the rows suit xUnit's
/// <c>[MemberData]</c>, NUnit's <c>[TestCaseSource]</c> and MSTest's <c>[DynamicData]</c>, one case per file named after it.
/// </summary>
/// <example>
/// <code>
/// public static IEnumerable&lt;object[]&gt; Files() =&gt; ScenarioFolder.TestCases(Folder);
///
/// [Theory, MemberData(nameof(Files))]
/// public void Scenario_passes(string file) =&gt; Runner.RunFile(Path.Combine(Folder, file)).Should().Pass();
/// </code>
/// </example>
public static class ScenarioFolder
{
    /// <summary>One row per scenario file in <paramref name="folder"/> and its subfolders, holding the file's name relative to the folder (with <c>/</c>).</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>The rows, in ordinal order of the names.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IEnumerable<object[]> TestCases(string folder) =>
        ScenarioRunner.FindScenarioFiles(folder).Select(file => new object[] { file });

    /// <summary>
    /// Finds <paramref name="relativePath"/> (for example <c>scenarios</c>) in <paramref name="start"/> or the nearest
    /// folder above it that has it, as test assemblies running from <c>bin/...</c> need to.
    /// </summary>
    /// <param name="relativePath">The folder to find, relative to some ancestor.</param>
    /// <param name="start">Where to start; default <see cref="AppContext.BaseDirectory"/>.</param>
    /// <returns>The folder's full path.</returns>
    /// <exception cref="DirectoryNotFoundException">No ancestor has the folder.</exception>
    public static string FindUpwards(string relativePath, string? start = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        for (var directory = new DirectoryInfo(start ?? AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relativePath);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No folder {relativePath} in {start ?? AppContext.BaseDirectory} or above it.");
    }

    /// <summary>
    /// Runs the scenario file <paramref name="file"/> of <paramref name="folder"/> with a shared runner and throws
    /// <see cref="ScenarioFailedException"/> unless it passes; the exception's message is the diff. Every test framework
    /// reports an exception thrown by a test as its failure, so this needs no assertion library.
    /// </summary>
    /// <param name="folder">The folder.</param>
    /// <param name="file">The file's name relative to the folder, as <see cref="TestCases"/> gives it.</param>
    /// <returns>The result, for further assertions.</returns>
    /// <exception cref="ScenarioFailedException">The scenario failed or the file could not be read.</exception>
    public static ScenarioResult AssertPasses(string folder, string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentException.ThrowIfNullOrEmpty(file);
        var result = DefaultRunner.Value.RunFile(Path.Combine(folder, file), file);
        return result.Passed ? result : throw new ScenarioFailedException(result);
    }

    private static readonly Lazy<ScenarioRunner> DefaultRunner = new(() => new ScenarioRunner(), LazyThreadSafetyMode.ExecutionAndPublication);
}
