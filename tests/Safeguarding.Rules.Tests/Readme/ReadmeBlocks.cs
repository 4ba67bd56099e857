using System.Text.RegularExpressions;

namespace Safeguarding.Rules.Tests.Readme;

/// <summary>
/// The fenced code blocks of README.md (copied beside the test binaries). A block the tests check by name is preceded
/// by a marker line, <c>&lt;!-- readme-snippet: NAME --&gt;</c>, which Markdown renders as nothing.
/// </summary>
internal static partial class ReadmeBlocks
{
    public static string Text { get; } =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md")).ReplaceLineEndings("\n");

    /// <summary>Every fenced block in order: its info string (<c>csharp</c>, <c>json</c>, empty), the marker name before it when there is one, and its text.</summary>
    public static IReadOnlyList<ReadmeBlock> All { get; } = Parse(Text);

    /// <summary>The text of the block after the marker <paramref name="name"/>, without its fences.</summary>
    public static string Named(string name)
    {
        var matches = All.Where(b => b.Name == name).ToList();
        matches.Should().ContainSingle("README.md has exactly one block marked '<!-- readme-snippet: {0} -->'", name);
        return matches[0].Code;
    }

    private static List<ReadmeBlock> Parse(string text)
    {
        var blocks = new List<ReadmeBlock>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var info = lines[i][3..].Trim();
            var marker = i > 0 ? Marker().Match(lines[i - 1]) : Match.Empty;
            var start = i + 1;
            var end = start;
            while (end < lines.Length && !lines[end].StartsWith("```", StringComparison.Ordinal))
            {
                end++;
            }

            blocks.Add(new ReadmeBlock(info, marker.Success ? marker.Groups[1].Value : null, start + 1, string.Join('\n', lines[start..end]) + "\n"));
            i = end;
        }

        return blocks;
    }

    [GeneratedRegex(@"^<!-- readme-snippet: ([a-z0-9-]+) -->$")]
    private static partial Regex Marker();
}

/// <summary>One fenced block of README.md; <paramref name="Line"/> is the 1-based line of its first line of code.</summary>
internal sealed record ReadmeBlock(string Info, string? Name, int Line, string Code);
