using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Tests.Schemas;

/// <summary>The schemas are themselves valid draft 2020-12 schemas, and every JSON example in the docs pages is valid.</summary>
public sealed partial class PublishedDocsTests
{
    [Theory]
    [InlineData("snapshot.schema.json")]
    [InlineData("policy.schema.json")]
    [InlineData("findings.schema.json")]
    public void Schema_IsAValidDraft202012Schema(string file)
    {
        using var document = JsonDocument.Parse(PublishedSchemas.ReadText(file));

        document.RootElement.GetProperty("$schema").GetString().Should().Be("https://json-schema.org/draft/2020-12/schema");
        PublishedSchemas.Errors(MetaSchemas.Draft202012, document.RootElement.GetRawText()).Should().BeEmpty();
    }

    [Fact]
    public void MetaSchemaCheck_CanFail()
    {
        PublishedSchemas.Errors(MetaSchemas.Draft202012, """{ "type": "whole number", "minimum": "one" }""").Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("snapshot.md", 2)]
    [InlineData("policy.md", 2)]
    [InlineData("findings.md", 1)]
    public void ExamplesInThePage_AreValid(string page, int examples)
    {
        var schema = page switch
        {
            "snapshot.md" => PublishedSchemas.Snapshot,
            "policy.md" => PublishedSchemas.Policy,
            _ => PublishedSchemas.Findings,
        };

        var blocks = JsonBlocks(page);

        blocks.Should().HaveCount(examples);
        blocks.Should().AllSatisfy(json => PublishedSchemas.Errors(schema, json).Should().BeEmpty());
    }

    [Fact]
    public void SnapshotExamples_AreReadAndEvaluatedWithoutProblems()
    {
        var blocks = JsonBlocks("snapshot.md");

        blocks.Should().AllSatisfy(json =>
        {
            var report = new SafeguardingEngine().Evaluate(SnapshotJson.Read(System.Text.Encoding.UTF8.GetBytes(json)));
            report.Problems.Should().BeEmpty();
            report.IsEvaluated.Should().BeTrue();
        });
    }

    [Fact]
    public void PolicyExamples_ReadWithoutProblems_AndTheDefaultsAreWhatPolicyPrints()
    {
        var blocks = JsonBlocks("policy.md");
        using var printed = new MemoryStream();
        PolicyJson.Write(new Policies.SafeguardingPolicy(), printed);

        blocks.Should().AllSatisfy(json => PolicyJson.Read(System.Text.Encoding.UTF8.GetBytes(json)).Problems.Should().BeEmpty());
        blocks[1].Should().Be(System.Text.Encoding.UTF8.GetString(printed.ToArray()).TrimEnd('\n'));
    }

    [Fact]
    public void PagesAndSchemas_AreAllThere()
    {
        Directory.GetFiles(PublishedSchemas.Folder, "*.md").Select(Path.GetFileName)
            .Should().BeEquivalentTo("snapshot.md", "policy.md", "findings.md", "csv-folder.md", "changes.md", "overrides.md");
        Directory.GetFiles(Path.Combine(PublishedSchemas.Folder, "schemas")).Select(Path.GetFileName)
            .Should().BeEquivalentTo("snapshot.schema.json", "policy.schema.json", "findings.schema.json");
    }

    private static List<string> JsonBlocks(string page) =>
        JsonBlock().Matches(File.ReadAllText(Path.Combine(PublishedSchemas.Folder, page)).ReplaceLineEndings("\n"))
            .Select(m => m.Groups[1].Value.TrimEnd('\n'))
            .ToList();

    [GeneratedRegex("^```json\\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
