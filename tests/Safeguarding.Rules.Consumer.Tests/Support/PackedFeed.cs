using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;

namespace Safeguarding.Rules.Consumer.Tests.Support;

/// <summary>
/// Packs every package of the repository once per test run, with a unique prerelease version, into a temporary folder
/// feed; gives consumer projects a NuGet.config that reads the Safeguarding.Rules packages from that feed only and
/// everything else from nuget.org, and a packages folder of this run's own, so a cached 1.0.0 is never used.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    private readonly Lazy<string> _toolPath;

    public PackedFeed()
    {
        Root = Path.Combine(Path.GetTempPath(), "safeguarding-consumers-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        Packages = Path.Combine(Root, "packages");
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Packages);

        // SemVer 2.0: the last identifier starts with a letter, so it is never a number with a leading zero.
        Version = "1.1.0-ci." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + ".r" + Guid.NewGuid().ToString("N")[..8];
        Pack();
        ConfigFile = WriteNuGetConfig();
        _toolPath = new Lazy<string>(InstallTool, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The temporary folder holding the feed, the packages folder and the consumer projects.</summary>
    public string Root { get; }

    /// <summary>The folder feed with this run's packages.</summary>
    public string Feed { get; }

    /// <summary>This run's NUGET_PACKAGES folder.</summary>
    public string Packages { get; }

    /// <summary>The version every package was packed with, e.g. <c>1.1.0-ci.20261129120000.r1a2b3c4d</c>.</summary>
    public string Version { get; }

    /// <summary>The NuGet.config consumers restore with.</summary>
    public string ConfigFile { get; }

    /// <summary>The folder the CLI tool is installed in (installed on first use, once per run).</summary>
    public string ToolPath => _toolPath.Value;

    /// <summary>A new, empty folder for one consumer project, beside the feed (outside the repository, so none of its build settings apply).</summary>
    public string NewConsumerFolder(string name)
    {
        var folder = Path.Combine(Root, "consumers", name);
        Directory.CreateDirectory(folder);
        File.Copy(ConfigFile, Path.Combine(folder, "NuGet.config"), overwrite: true);
        return folder;
    }

    /// <summary>Runs <c>dotnet</c> with this run's packages folder.</summary>
    internal ProcessResult Dotnet(string workingDirectory, params string[] arguments) =>
        Processes.Run(Processes.Dotnet, arguments, workingDirectory, ConsumerEnvironment());

    /// <summary>Runs the installed <c>safeguarding-rules</c> tool.</summary>
    internal ProcessResult Tool(string workingDirectory, params string[] arguments) =>
        Processes.Run(Path.Combine(ToolPath, "safeguarding-rules"), arguments, workingDirectory, ConsumerEnvironment());

    /// <summary>The version the repository pins for a package (Directory.Packages.props), so consumer projects use what the repository tests with.</summary>
    public static string PinnedVersion(string packageId)
    {
        var props = XDocument.Load(Path.Combine(Repository.Root, "Directory.Packages.props"));
        return props.Descendants("PackageVersion")
            .Single(e => string.Equals((string?)e.Attribute("Include"), packageId, StringComparison.Ordinal))
            .Attribute("Version")!.Value;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file: the folder is in the temp directory and named for this run.
        }
    }

    private Dictionary<string, string> ConsumerEnvironment() => new(StringComparer.Ordinal)
    {
        ["NUGET_PACKAGES"] = Packages,
        ["DOTNET_CLI_HOME"] = Path.Combine(Root, "home"),
    };

    /// <summary>
    /// One <c>dotnet pack</c> of a solution filter holding every project under src/ (those that are not packable are
    /// skipped). When the solution has been built in the tests' configuration (as <c>dotnet test</c> of the solution
    /// and CI do), the packages are made from that build (<c>--no-build</c>, seconds instead of minutes; only the
    /// package version is this run's). Otherwise the projects are built into an artifacts folder of this run's own,
    /// so the repository's bin and obj are untouched.
    /// </summary>
    private void Pack()
    {
        var projects = Directory.GetFiles(Path.Combine(Repository.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Repository.Root, p))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        var filter = Path.Combine(Root, "packages.slnf");
        File.WriteAllText(filter, JsonSerializer.Serialize(new
        {
            solution = new { path = Path.GetRelativePath(Root, Repository.SolutionPath), projects },
        }));

        var packFromBuild = Processes.Run(Processes.Dotnet,
            ["pack", filter, "-c", Configuration, "-o", Feed, "--no-build", "--no-restore", "-p:PackageVersion=" + Version], Root);
        if (packFromBuild.ExitCode == 0)
        {
            return;
        }

        foreach (var partial in Directory.GetFiles(Feed))
        {
            File.Delete(partial);
        }

        var result = Processes.Run(Processes.Dotnet,
        [
            "pack", filter, "-c", Configuration, "-o", Feed, "--artifacts-path", Path.Combine(Root, "artifacts"),
            "-p:Version=" + Version, "-p:ContinuousIntegrationBuild=true",
            // The solution build runs the analyzers over these sources; they change nothing in the output.
            "-p:RunAnalyzers=false",
        ], Root);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("Packing the repository failed:\n" + packFromBuild + "\n" + result);
        }
    }

    /// <summary>The configuration these tests were built in (Release in CI): the packages are made in the same one.</summary>
    private static string Configuration { get; } = typeof(PackedFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "Configuration")?.Value ?? "Release";

    /// <summary>
    /// The local feed for the Safeguarding.Rules packages (package source mapping: only from there) and nuget.org for
    /// the rest. The machine's packages folder is a fallback folder, so third-party packages are not downloaded again;
    /// it cannot hold this run's version of ours.
    /// </summary>
    private string WriteNuGetConfig()
    {
        var machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
            ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var fallback = Directory.Exists(machinePackages)
            ? new XElement("fallbackPackageFolders", new XElement("clear"), new XElement("add", new XAttribute("key", "machine"), new XAttribute("value", machinePackages)))
            : null;
        var config = new XDocument(new XElement("configuration",
            new XElement("packageSources",
                new XElement("clear"),
                new XElement("add", new XAttribute("key", "local"), new XAttribute("value", Feed)),
                new XElement("add", new XAttribute("key", "nuget.org"), new XAttribute("value", "https://api.nuget.org/v3/index.json"), new XAttribute("protocolVersion", "3"))),
            new XElement("packageSourceMapping",
                new XElement("packageSource", new XAttribute("key", "local"), new XElement("package", new XAttribute("pattern", "Safeguarding.Rules*"))),
                new XElement("packageSource", new XAttribute("key", "nuget.org"), new XElement("package", new XAttribute("pattern", "*")))),
            fallback));
        var path = Path.Combine(Root, "NuGet.config");
        config.Save(path);
        return path;
    }

    private string InstallTool()
    {
        var tools = Path.Combine(Root, "tools");
        var result = Dotnet(Root, "tool", "install", "Safeguarding.Rules.Cli", "--tool-path", tools, "--version", Version, "--configfile", ConfigFile);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("Installing the tool failed:\n" + result);
        }

        return tools;
    }
}
