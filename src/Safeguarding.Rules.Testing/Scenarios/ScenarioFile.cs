namespace Safeguarding.Rules.Testing.Scenarios;

/// <summary>
/// Reads scenario files: plain-text YAML holding a description, an as-of date, policy changes, the given facts and the
/// expected findings. Reading never throws for bad content: it returns the scenario, or every problem at once, each
/// naming the file, line, column and field. Unknown fields are problems (a typo must not silently pass).
/// </summary>
public static class ScenarioFile
{
    /// <summary>Reads the scenario file at <paramref name="path"/>; the scenario is named by its file name.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The scenario, or every problem with the file.</returns>
    /// <exception cref="IOException">The file could not be read (for example it does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static ScenarioLoadResult Load(string path) => Load(path, System.IO.Path.GetFileName(path));

    /// <summary>Reads a scenario from <paramref name="yaml"/>, as if from the file <paramref name="path"/> (which problems name).</summary>
    /// <param name="yaml">The file's text.</param>
    /// <param name="path">The file name to name in problems and results.</param>
    /// <returns>The scenario, or every problem.</returns>
    public static ScenarioLoadResult Parse(string yaml, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(yaml, path, System.IO.Path.GetFileName(path));
    }

    internal static ScenarioLoadResult Load(string path, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(File.ReadAllText(path), path, name);
    }

    internal static ScenarioLoadResult Parse(string yaml, string path, string name)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return new ScenarioParser(path, name).Parse(yaml);
    }
}
