namespace Safeguarding.Rules.Testing;

/// <summary>One engine with the built-in rules, compiled on first use and shared by every scenario that brings none.</summary>
internal static class SharedEngine
{
    private static readonly Lazy<SafeguardingEngine> Engine = new(() => new SafeguardingEngine(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static SafeguardingEngine Instance => Engine.Value;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<SafeguardingEngine>> OnlyEngines = new(StringComparer.Ordinal);

    /// <summary>An engine running only the named built-in rules, compiled once per set of names.</summary>
    /// <exception cref="ArgumentException">A name is not a built-in rule's.</exception>
    public static SafeguardingEngine Only(IReadOnlyCollection<string> ruleNames)
    {
        var all = Instance.Rules.Select(static r => r.Name).ToList();
        var unknown = ruleNames.Where(n => !all.Contains(n, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                "Not a built-in rule: " + string.Join(", ", unknown) + ". The rules are " + string.Join(", ", all) + ".", nameof(ruleNames));
        }

        var key = string.Join('\n', ruleNames.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return OnlyEngines.GetOrAdd(key, _ => new Lazy<SafeguardingEngine>(
            () =>
            {
                var options = new SafeguardingRulesOptions();
                foreach (var name in all.Where(n => !ruleNames.Contains(n, StringComparer.Ordinal)))
                {
                    options.DisableRule(name);
                }

                return new SafeguardingEngine(options);
            },
            LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }
}
