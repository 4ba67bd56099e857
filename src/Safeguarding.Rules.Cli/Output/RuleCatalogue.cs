namespace Safeguarding.Rules.Cli.Output;

/// <summary>The rule catalogue as a table (its JSON is the library's <see cref="Serialization.RuleCatalogueJson"/>).</summary>
internal static class RuleCatalogue
{
    public static void WriteTable(IReadOnlyList<RuleInfo> rules, TextWriter writer)
    {
        var table = new TextTable("Rule", "Finding kind", "Tags", "Description");
        foreach (var rule in rules)
        {
            table.Add(rule.Name, rule.FindingKind ?? "-", string.Join(',', rule.Tags), rule.Description);
        }

        table.Write(writer);
    }
}
