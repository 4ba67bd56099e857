using NRules.Fluent;
using Safeguarding.Rules.Evaluation;

namespace Safeguarding.Rules;

/// <summary>
/// The names and tags a set of rules answers to, as the engine's rule switches (<see cref="SafeguardingRulesOptions.DisabledRules"/>,
/// <see cref="SafeguardingRulesOptions.DisabledTags"/>) match them: read from the rules' metadata by NRules' own loader, whose
/// filter sees every rule before any is created, so no rule (a host's may need services) is instantiated.
/// </summary>
internal static class RuleSwitches
{
    /// <summary>The names and tags of the built-in rules and of <paramref name="hostRuleTypes"/> (each a concrete NRules rule class).</summary>
    public static (HashSet<string> Names, HashSet<string> Tags) Of(IEnumerable<Type> hostRuleTypes)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var tags = new HashSet<string>(StringComparer.Ordinal);
        var types = CompiledRules.BuiltInRuleTypes.Concat(hostRuleTypes).Distinct().ToArray();
        new RuleRepository().Load(spec => spec
            .From(scan => scan.Type(types).PrivateTypes().NestedTypes())
            .Where(rule =>
            {
                names.Add(rule.Name);
                tags.UnionWith(rule.Tags);
                return false;
            }));
        return (names, tags);
    }
}
