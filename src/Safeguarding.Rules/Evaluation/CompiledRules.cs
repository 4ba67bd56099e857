using System.Reflection;
using NRules;
using NRules.Fluent;
using NRules.RuleModel;
using Safeguarding.Rules.Policies;
using NRulesRule = NRules.Fluent.Dsl.Rule;

namespace Safeguarding.Rules.Evaluation;

/// <summary>The rule set compiled once: the session factory every evaluation shares, and the catalogue.</summary>
internal sealed class CompiledRules
{
    private CompiledRules(ISessionFactory factory, IReadOnlyList<RuleInfo> catalogue, MatchFilter filter)
    {
        Factory = factory;
        Catalogue = catalogue;
        Filter = filter;
        HasHostRules = catalogue.Any(static r => !r.IsBuiltIn);
        Runner = HasHostRules ? new LinkedFactsSessionRunner(factory, filter) : new CollectingSessionRunner(factory, filter);
    }

    public ISessionFactory Factory { get; }

    /// <summary>Which facts can match one of these rules at all: an evaluation inserts only those.</summary>
    public MatchFilter Filter { get; }

    /// <summary>The catalogue with the descriptions as written: <c>{path}</c> placeholders not yet resolved (see <see cref="Describe"/>).</summary>
    public IReadOnlyList<RuleInfo> Catalogue { get; }

    /// <summary>
    /// Whether host rules are loaded. Every built-in rule leaves a trace naming it when it fires (a finding, or the
    /// <see cref="Facts.OverdueVisit"/> of <c>VisitOverdue</c>), so the rules that fired can be read from the results;
    /// a host rule may act without a trace, so then the engine has to listen to every firing, which costs more. A host
    /// rule may also match findings, so then findings must be facts in the session, not collected beside it.
    /// </summary>
    public bool HasHostRules { get; }

    /// <summary>How every evaluation runs its sessions: chosen here, once, from <see cref="HasHostRules"/>.</summary>
    public ISessionRunner Runner { get; }

    /// <summary>The built-in rule classes: those of this assembly derived from <see cref="BuiltInRule"/>.</summary>
    public static Type[] BuiltInRuleTypes { get; } = typeof(BuiltInRule).Assembly.GetTypes()
        .Where(static t => !t.IsAbstract && t.IsSubclassOf(typeof(BuiltInRule)))
        .OrderBy(static t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The catalogue with each description showing <paramref name="policy"/>'s values.</summary>
    public IReadOnlyList<RuleInfo> Describe(PolicyView policy) =>
        Catalogue.Select(r => r with { Description = RuleDescriptions.Resolve(r.Description, policy) }).ToArray();

    /// <summary>Compiles the built-in rules and the host's, less those switched off.</summary>
    public static CompiledRules Compile(IReadOnlyCollection<Type> ruleTypes, IReadOnlySet<string> disabledRules, IReadOnlySet<string> disabledTags, IServiceProvider? services)
    {
        var repository = new RuleRepository();
        if (services is not null)
        {
            repository.Activator = new ServiceProviderRuleActivator(services);
        }

        var types = BuiltInRuleTypes.Concat(ruleTypes).Distinct().ToArray();
        repository.Load(spec => spec
            .From(scan => scan.Type(types).PrivateTypes().NestedTypes())
            .Where(rule => !disabledRules.Contains(rule.Name) && !rule.Tags.Any(disabledTags.Contains)));

        var definitions = repository.GetRules().ToList();
        var duplicate = definitions.GroupBy(static r => r.Name, StringComparer.Ordinal).FirstOrDefault(static g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException("Two rules are named " + duplicate.Key + "; rule names must be unique because findings and switches use them.");
        }

        var factory = repository.Compile();
        RuleWork.Compiled(definitions.Count);
        factory.DependencyResolver = new EngineDependencyResolver(services);

        var catalogue = definitions
            .Select(static r =>
            {
                var type = r.Properties[RuleProperties.ClrType] as Type;
                var builtIn = type is not null && type.IsSubclassOf(typeof(BuiltInRule));
                return new RuleInfo(
                    r.Name,
                    r.Description ?? string.Empty,
                    r.Tags.ToArray(),
                    builtIn ? type!.GetCustomAttribute<FindingKindAttribute>()?.Kind : null,
                    builtIn);
            })
            .OrderBy(static r => r.IsBuiltIn ? 0 : 1)
            .ThenBy(static r => r.Name, StringComparer.Ordinal)
            .ToArray();
        return new CompiledRules(factory, catalogue, new MatchFilter(definitions));
    }

    private sealed class ServiceProviderRuleActivator(IServiceProvider services) : IRuleActivator
    {
        public IEnumerable<NRulesRule> Activate(Type type)
        {
            yield return (NRulesRule)Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance(services, type);
        }
    }

    /// <summary>
    /// Resolves <c>ctx.Resolve</c> in rule actions from the host's services, and gives built-in rules the
    /// <see cref="LinkedFindingSink"/> as their <see cref="IFindingSink"/>: in a host's own session, and in the engine's
    /// when host rules are loaded. The engine's collecting sessions put their collector over this resolver.
    /// </summary>
    private sealed class EngineDependencyResolver(IServiceProvider? services) : NRules.Extensibility.IDependencyResolver
    {
        public object Resolve(NRules.Extensibility.IResolutionContext context, Type serviceType) =>
            serviceType == typeof(IFindingSink)
                ? LinkedFindingSink.Instance
                : services?.GetService(serviceType)
                  ?? throw new InvalidOperationException("Rule " + context.Rule.Name + " needs a " + serviceType.Name + ", which is not registered with the host's services.");
    }
}
