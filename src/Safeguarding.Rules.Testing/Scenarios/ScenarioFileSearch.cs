using System.IO.Enumeration;

namespace Safeguarding.Rules.Testing.Scenarios;

/// <summary>
/// Finds the scenario files of a folder and its subfolders. A symbolic link to a folder below the folder given is not
/// followed, as <c>find</c>, <c>grep -r</c>, ripgrep and git do by default: a link can lead back to an ancestor (a loop
/// that would list the same files without end) or to a folder listed already, and what a suite runs must not depend on
/// the order links are met in. The folder given may itself be a link. A file reached by two names (a symbolic link to a
/// file, in the folder or outside it) is one file, listed once: by its own name when the folder holds it, else by the
/// first of its links' names in ordinal order.
/// </summary>
internal static class ScenarioFileSearch
{
    /// <summary>How many links a path may pass through before it is taken as it is (Linux's own limit is 40).</summary>
    private const int MaxLinks = 40;

    public static List<string> Find(string folder)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = 0, // As Directory.EnumerateFiles: hidden files and folders are searched too.
            IgnoreInaccessible = false,
        };
        var entries = new FileSystemEnumerable<(string Path, bool IsLink)>(
            folder,
            static (ref FileSystemEntry entry) => (entry.ToFullPath(), (entry.Attributes & FileAttributes.ReparsePoint) != 0),
            options)
        {
            ShouldIncludePredicate = static (ref FileSystemEntry entry) => !entry.IsDirectory && IsScenarioFile(entry.FileName),
            // A link to a folder (a symbolic link, or a junction on Windows) is not followed. Other reparse points are folders
            // of their own (OneDrive's files-on-demand folders carry the attribute without being links): they are searched.
            ShouldRecursePredicate = static (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0 || IsNotALink(entry.ToFullPath()),
        };

        var root = Path.GetFullPath(folder);
        var realRoot = RealPath(root);
        return entries
            .Select(e => (Name: Path.GetRelativePath(root, e.Path).Replace('\\', '/'), e.IsLink, Real: e.IsLink ? RealPath(e.Path) : Path.Join(realRoot, Path.GetRelativePath(root, e.Path))))
            .GroupBy(static f => f.Real, PathComparer)
            .Select(static names => names.OrderBy(static f => f.IsLink).ThenBy(static f => f.Name, StringComparer.Ordinal).First().Name)
            .OrderBy(static name => name, StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsScenarioFile(ReadOnlySpan<char> name)
    {
        var extension = Path.GetExtension(name);
        return extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase);
    }

    private static StringComparer PathComparer => OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>Whether a folder with the reparse-point attribute is no link (its link target cannot be read: taken as a link).</summary>
    private static bool IsNotALink(string path)
    {
        try
        {
            return new DirectoryInfo(path).LinkTarget is null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// <paramref name="path"/> with every symbolic link in it resolved, one component at a time (so a link in a parent
    /// folder counts too); a link that cannot be resolved (broken, or a loop) is kept as it is.
    /// </summary>
    private static string RealPath(string path)
    {
        var remaining = MaxLinks;
        var full = Path.GetFullPath(path);
        while (true)
        {
            var resolved = ResolveFirstLink(full, ref remaining);
            if (resolved is null)
            {
                return full;
            }

            full = resolved;
        }
    }

    /// <summary>The path with its first linked component replaced by the link's target, or <see langword="null"/> when none is a link (or the links run out).</summary>
    private static string? ResolveFirstLink(string full, ref int remaining)
    {
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var parts = full[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (var i = 0; i < parts.Length; i++)
        {
            current = Path.Join(current, parts[i]);
            string? target;
            try
            {
                target = new FileInfo(current).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }

            if (target is null)
            {
                continue;
            }

            if (--remaining < 0)
            {
                return null;
            }

            var resolved = Path.GetFullPath(target, Path.GetDirectoryName(current) ?? root);
            return Path.GetFullPath(Path.Join([resolved, .. parts[(i + 1)..]]));
        }

        return null;
    }
}
