using System.Reflection;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules;

/// <summary>How the engine is set up: the default policy, the host's own rules, and built-in rules switched off.</summary>
/// <remarks>
/// The engine takes a copy of these options and of their policy when it is created: changing them afterwards changes
/// nothing for that engine.
/// </remarks>
public sealed class SafeguardingRulesOptions
{
    /// <summary>The policy applied when a call brings none. Default: the default policy of contract section 4.</summary>
    public SafeguardingPolicy Policy { get; set; } = new();

    /// <summary>Whether evaluations return partial results for input with problems (contract section 3). Default <see langword="false"/>.</summary>
    public bool AllowPartialResults { get; set; }

    /// <summary>Names of rules (built-in or the host's) not to run. A name no rule has is an options problem (a typo would leave the rule running).</summary>
    public ISet<string> DisabledRules { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Tags whose rules are not to run (for example <c>Community</c>). A tag no rule has is an options problem.</summary>
    public ISet<string> DisabledTags { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The host's own NRules rule classes, run next to the built-in ones over the public fact types.</summary>
    public ICollection<Type> RuleTypes { get; } = new List<Type>();

    /// <summary>
    /// The largest number of partitions evaluated at once. Default: the processor count. 1 evaluates on the calling thread only.
    /// </summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Offenders per partition: whole teams are packed into sessions of about this size, counting the offenders a session
    /// holds (those whose fact a rule can match; most offenders match none and never enter a session). Default 512:
    /// small sessions keep each one's facts short-lived (fewer objects survive into older garbage-collector generations).
    /// </summary>
    public int PartitionSize { get; set; } = 512;

    /// <summary>Adds every public, non-abstract NRules rule class in <paramref name="assembly"/>.</summary>
    /// <param name="assembly">The host's assembly.</param>
    /// <returns>These options.</returns>
    public SafeguardingRulesOptions AddRulesFrom(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetExportedTypes())
        {
            if (!type.IsAbstract && typeof(NRules.Fluent.Dsl.Rule).IsAssignableFrom(type) && !RuleTypes.Contains(type))
            {
                RuleTypes.Add(type);
            }
        }

        return this;
    }

    /// <summary>Adds one NRules rule class.</summary>
    /// <typeparam name="TRule">The rule class.</typeparam>
    /// <returns>These options.</returns>
    public SafeguardingRulesOptions AddRule<TRule>()
        where TRule : NRules.Fluent.Dsl.Rule
    {
        if (!RuleTypes.Contains(typeof(TRule)))
        {
            RuleTypes.Add(typeof(TRule));
        }

        return this;
    }

    /// <summary>Switches off the rule named <paramref name="ruleName"/>.</summary>
    /// <param name="ruleName">A rule name (see <see cref="Rules.RuleNames"/>).</param>
    /// <returns>These options.</returns>
    public SafeguardingRulesOptions DisableRule(string ruleName)
    {
        ArgumentException.ThrowIfNullOrEmpty(ruleName);
        DisabledRules.Add(ruleName);
        return this;
    }

    /// <summary>Switches off every rule tagged <paramref name="tag"/>.</summary>
    /// <param name="tag">A tag (see <see cref="Rules.RuleTags"/>).</param>
    /// <returns>These options.</returns>
    public SafeguardingRulesOptions DisableTag(string tag)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        DisabledTags.Add(tag);
        return this;
    }

    /// <summary>Every problem with these options, including the policy's (as <c>Policy.</c> and the policy file's path); empty when valid.</summary>
    /// <returns>The problems, each naming the option.</returns>
    public IReadOnlyList<OptionsProblem> Validate()
    {
        var problems = new List<OptionsProblem>();
        if (Policy is null)
        {
            problems.Add(new(nameof(Policy), "must be set"));
        }
        else
        {
            problems.AddRange(Policy.Validate().Select(static p => new OptionsProblem(nameof(Policy) + "." + p.Property, p.Problem)));
        }

        if (MaxDegreeOfParallelism < 1)
        {
            problems.Add(new(nameof(MaxDegreeOfParallelism), "must be at least 1"));
        }

        if (PartitionSize < 1)
        {
            problems.Add(new(nameof(PartitionSize), "must be at least 1"));
        }

        var ruleTypesValid = true;
        foreach (var type in RuleTypes)
        {
            if (type is null || type.IsAbstract || !typeof(NRules.Fluent.Dsl.Rule).IsAssignableFrom(type))
            {
                problems.Add(new(nameof(RuleTypes), (type?.FullName ?? "null") + " is not a concrete NRules rule class"));
                ruleTypesValid = false;
            }
        }

        // A switch that matches no rule is most likely a typo, which would leave the rule running without a word.
        if (ruleTypesValid && (DisabledRules.Count > 0 || DisabledTags.Count > 0))
        {
            var (names, tags) = RuleSwitches.Of(RuleTypes);
            foreach (var rule in DisabledRules.Where(r => !names.Contains(r)).Order(StringComparer.Ordinal))
            {
                problems.Add(new(nameof(DisabledRules), "no rule is named " + rule));
            }

            foreach (var tag in DisabledTags.Where(t => !tags.Contains(t)).Order(StringComparer.Ordinal))
            {
                problems.Add(new(nameof(DisabledTags), "no rule has the tag " + tag));
            }
        }

        return problems;
    }
}
