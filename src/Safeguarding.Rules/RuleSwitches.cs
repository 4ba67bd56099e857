using System.Collections.Frozen;
using NRules.Fluent;
using Safeguarding.Rules.Evaluation;

namespace Safeguarding.Rules;

/// <summary>
/// The names and tags a set of rules answers to, as the engine's rule switches (<see cref="SafeguardingRulesOptions.DisabledRules"/>,
/// <see cref="SafeguardingRulesOptions.DisabledTags"/>) match them: read from the rules' metadata by NRules' own loader, whose
/// filter sees every rule before any is created, so no rule (a host's may need services) is instantiated, and none is compiled.
/// The built-in rules are scanned once per process (they never change); a host's rule classes each time they are asked about.
/// </summary>
internal static class RuleSwitches
{
    private static readonly FrozenSet<Type> BuiltInTypes = CompiledRules.BuiltInRuleTypes.ToFrozenSet();

    private static readonly Lazy<(IReadOnlySet<string> Names, IReadOnlySet<string> Tags)> BuiltInScan = new(
        static () =>
        {
            var (names, tags) = Scan(CompiledRules.BuiltInRuleTypes);
            return (names.ToFrozenSet(StringComparer.Ordinal), tags.ToFrozenSet(StringComparer.Ordinal));
        },
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The names and tags of the built-in rules, every one of them (none switched off).</summary>
    public static (IReadOnlySet<string> Names, IReadOnlySet<string> Tags) BuiltIn => BuiltInScan.Value;

    /// <summary>The names and tags of the built-in rules and of <paramref name="hostRuleTypes"/> (each a concrete NRules rule class).</summary>
    public static (IReadOnlySet<string> Names, IReadOnlySet<string> Tags) Of(IEnumerable<Type> hostRuleTypes)
    {
        var builtIn = BuiltIn;
        var host = hostRuleTypes.Where(static t => !BuiltInTypes.Contains(t)).Distinct().ToArray();
        if (host.Length == 0)
        {
            return builtIn;
        }

        var (names, tags) = Scan(host);
        names.UnionWith(builtIn.Names);
        tags.UnionWith(builtIn.Tags);
        return (names, tags);
    }

    private static (HashSet<string> Names, HashSet<string> Tags) Scan(Type[] types)
    {
        RuleWork.Scanned(types.Length);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var tags = new HashSet<string>(StringComparer.Ordinal);
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
