using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Safeguarding.Rules.Cli.Commands;
using Safeguarding.Rules.Cli.Tests.Support;
using Safeguarding.Rules.Tests.Readme;

namespace Safeguarding.Rules.Cli.Tests;

/// <summary>
/// The README's command lines parse, and the output it shows beside them is what the tool prints. Every
/// <c>safeguarding-rules ...</c> or <c>dotnet run --project src/Safeguarding.Rules.Cli -- ...</c> in a <c>```bash</c>
/// block, and every <c>$ safeguarding-rules ...</c> in an output block, goes through the CLI's own parser (a renamed
/// option fails here). The examples that are cheap on the built-in sample's 2,000 offenders are run as written, in a
/// folder of their own, and compared with the blocks marked <c>&lt;!-- readme-snippet: cli-... --&gt;</c>. The
/// <c>explain</c> examples are checked by <see cref="ExplainCommandTests"/>.
/// </summary>
public sealed class ReadmeCommandLineTests
{
    private const string DotnetRun = "dotnet run --project src/Safeguarding.Rules.Cli --";

    public static TheoryData<int, string> CommandLines()
    {
        var lines = new TheoryData<int, string>();
        foreach (var block in ReadmeBlocks.All)
        {
            var code = block.Code.Split('\n');
            for (var i = 0; i < code.Length; i++)
            {
                var line = block.Info == "bash" ? code[i] : code[i].StartsWith("$ ", StringComparison.Ordinal) ? code[i][2..] : null;
                foreach (var command in line is null ? [] : line.Split(" | "))
                {
                    var trimmed = command.Trim();
                    if (trimmed.StartsWith("safeguarding-rules", StringComparison.Ordinal) || trimmed.StartsWith(DotnetRun, StringComparison.Ordinal))
                    {
                        lines.Add(block.Line + i, trimmed);
                    }
                }
            }
        }

        return lines;
    }

    [Fact]
    public void Readme_CommandLines_AreFound()
    {
        CommandLines().Count.Should().BeGreaterThan(30, "the README shows the tool's commands in bash and output blocks");
    }

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void Readme_CommandLine_ParsesWithoutErrors(int line, string commandLine)
    {
        var result = CliApplication.BuildRootCommand(new Dictionary<Command, CommandHelp>()).Parse(Arguments(commandLine));

        result.Errors.Select(e => e.Message).Should().BeEmpty("README.md line {0}, '{1}', must be a valid command line", line, commandLine);
    }

    [Fact]
    public void Readme_VerifyExample_IsWhatTheCliPrints()
    {
        using var files = new TempFiles();
        var (output, _) = RunBlock(files.Folder, ReadmeBlocks.Named("cli-verify"));

        output.Should().BeEmpty("every line the README shows after the commands was printed by them");
        var record = JsonNode.Parse(File.ReadAllBytes(files.Path("findings.json")))!["record"];
        var shown = JsonNode.Parse("{" + ReadmeBlocks.Named("cli-verify-record") + "}")!["record"];
        JsonNode.DeepEquals(shown, record).Should().BeTrue(
            "the README's record is the one 'evaluate force.json --format json' writes for the sample; it writes {0}", record!.ToJsonString());
    }

    [Fact]
    public void Readme_NightlyRunExample_IsWhatTheCliPrints()
    {
        using var files = new TempFiles();
        CliProcess.RunIn(files.Folder, "sample", "--offenders", "2000", "--output", "force.json").ExitCode.Should().Be(0, "force.json is the built-in sample");

        var (unprinted, stdout) = RunBlock(files.Folder, ReadmeBlocks.Named("cli-since"));

        unprinted.Should().BeEmpty();
        var shown = ReadmeBlocks.Named("cli-since-output").TrimEnd('\n').Split('\n');
        shown[^1].Should().Be("...");
        stdout.Should().Contain(string.Join('\n', shown[..^1]) + "\n", "the README shows a part of what the second command prints, as it prints it");

        var json = CliProcess.RunIn(files.Folder, "evaluate", "force.json", "--as-of", "2018-05-01", "--since", "findings-2018-04-30.json", "--format", "json");
        json.ExitCode.Should().Be(0, json.ToString());
        var changes = JsonNode.Parse(json.StdOutBytes)!["changes"]!.AsObject();
        var excerpt = string.Join('\n', ReadmeBlocks.Named("cli-since-changes").Split('\n').Where(l => l.Trim() != "..."));
        var example = JsonNode.Parse("{" + excerpt + "}", documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true })!["changes"]!.AsObject();
        foreach (var (name, value) in example)
        {
            if (name == "clearedFindings")
            {
                var cleared = value!.AsArray();
                for (var i = 0; i < cleared.Count; i++)
                {
                    JsonNode.DeepEquals(cleared[i], changes["clearedFindings"]![i]).Should().BeTrue(
                        "the README's clearedFindings[{0}] is what the tool writes: {1}", i, changes["clearedFindings"]![i]!.ToJsonString());
                }
            }
            else
            {
                JsonNode.DeepEquals(value, changes[name]).Should().BeTrue("the README's changes.{0} is what the tool writes: {1}", name, changes[name]?.ToJsonString());
            }
        }
    }

    /// <summary>
    /// Runs each command line of a bash block in <paramref name="folder"/>, checking that every line after a command that
    /// is not itself a command is a line of what that command printed. Returns those output lines not found, and the
    /// standard output of the last command.
    /// </summary>
    private static (List<string> Unprinted, string LastOutput) RunBlock(string folder, string block)
    {
        var unprinted = new List<string>();
        var last = string.Empty;
        foreach (var line in block.TrimEnd('\n').Split('\n'))
        {
            if (line.StartsWith("safeguarding-rules ", StringComparison.Ordinal))
            {
                var result = CliProcess.RunIn(folder, Arguments(line));
                result.ExitCode.Should().Be(0, "'{0}' runs: {1}", line, result);
                last = result.StdOut;
            }
            else if (!last.Split('\n').Contains(line))
            {
                unprinted.Add(line);
            }
        }

        return (unprinted, last);
    }

    /// <summary>The arguments of a README command line: without the program, a trailing comment or a redirection, split as a shell would split these simple lines.</summary>
    private static string[] Arguments(string commandLine)
    {
        var line = commandLine.StartsWith(DotnetRun, StringComparison.Ordinal) ? commandLine[DotnetRun.Length..] : commandLine["safeguarding-rules".Length..];
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        var quote = '\0';
        var started = false;
        foreach (var c in line + " ")
        {
            if (quote != '\0')
            {
                if (c == quote) { quote = '\0'; } else { word.Append(c); }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                started = true;
            }
            else if (c == '#' && !started)
            {
                break;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (started) { words.Add(word.ToString()); }
                word.Clear();
                started = false;
            }
            else
            {
                word.Append(c);
                started = true;
            }
        }

        var redirect = words.FindIndex(static w => w.StartsWith('>'));
        return redirect < 0 ? [.. words] : [.. words[..redirect]];
    }
}
