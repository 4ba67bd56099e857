using NRules;
using NRules.Fluent;
using NRules.RuleModel;
using NRulesRule = NRules.Fluent.Dsl.Rule;

namespace Safeguarding.Rules.Evaluation;

/// <summary>The rule set compiled once: the session factory every evaluation shares, and the catalogue.</summary>
internal sealed class CompiledRules
{
    private static readonly Dictionary<string, string?> BuiltInKinds = new(StringComparer.Ordinal)
    {
        [RuleNames.VisitOverdue] = null,
        [RuleNames.EscalateToDetectiveInspector] = FindingKinds.VisitOverdue,
        [RuleNames.EscalateToSupervisor] = FindingKinds.VisitOverdue,
        [RuleNames.OverdueStaysWithOffenderManager] = FindingKinds.VisitOverdue,
        [RuleNames.VisitDueSoon] = FindingKinds.VisitDueSoon,
        [RuleNames.RepeatedNoAccess] = FindingKinds.RepeatedNoAccess,
        [RuleNames.ReactiveManagementIneligible] = FindingKinds.ReactiveManagementIneligible,
        [RuleNames.CaseloadAboveTarget] = FindingKinds.CaseloadAboveTarget,
        [RuleNames.CaseloadCritical] = FindingKinds.CaseloadCritical,
        [RuleNames.Unallocated] = FindingKinds.Unallocated,
        [RuleNames.UnitBacklog] = FindingKinds.UnitBacklog,
        [RuleNames.RiskReviewOverdue] = FindingKinds.RiskReviewOverdue,
        [RuleNames.NeighbourhoodNotBriefed] = FindingKinds.NeighbourhoodNotBriefed,
        [RuleNames.DataQuality] = FindingKinds.DataQuality,
    };

    private CompiledRules(ISessionFactory factory, IReadOnlyList<RuleInfo> catalogue)
    {
        Factory = factory;
        Catalogue = catalogue;
        HasHostRules = catalogue.Any(static r => !r.IsBuiltIn);
    }

    public ISessionFactory Factory { get; }

    public IReadOnlyList<RuleInfo> Catalogue { get; }

    /// <summary>
    /// Whether host rules are loaded. Every built-in rule leaves a trace naming it when it fires (a finding, or the
    /// <see cref="Facts.OverdueVisit"/> of <c>VisitOverdue</c>), so the rules that fired can be read from the results;
    /// a host rule may act without a trace, so then the engine has to listen to every firing, which costs more. A host
    /// rule may also match findings, so then findings must be facts in the session, not collected beside it.
    /// </summary>
    public bool HasHostRules { get; }

    /// <summary>The built-in rule classes.</summary>
    public static Type[] BuiltInRuleTypes { get; } = typeof(CompiledRules).Assembly.GetTypes()
        .Where(static t => !t.IsAbstract && typeof(NRulesRule).IsAssignableFrom(t))
        .OrderBy(static t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    public static CompiledRules Compile(SafeguardingRulesOptions options, IServiceProvider? services)
    {
        var repository = new RuleRepository();
        if (services is not null)
        {
            repository.Activator = new ServiceProviderRuleActivator(services);
        }

        var types = BuiltInRuleTypes.Concat(options.RuleTypes).Distinct().ToArray();
        repository.Load(spec => spec
            .From(scan => scan.Type(types).PrivateTypes().NestedTypes())
            .Where(rule => !options.DisabledRules.Contains(rule.Name) && !rule.Tags.Any(options.DisabledTags.Contains)));

        var definitions = repository.GetRules().ToList();
        var duplicate = definitions.GroupBy(static r => r.Name, StringComparer.Ordinal).FirstOrDefault(static g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException("Two rules are named " + duplicate.Key + "; rule names must be unique because findings and switches use them.");
        }

        var factory = repository.Compile();
        factory.DependencyResolver = new EngineDependencyResolver(services);

        var catalogue = definitions
            .Select(static r => new RuleInfo(
                r.Name,
                r.Description ?? string.Empty,
                r.Tags.ToArray(),
                BuiltInKinds.TryGetValue(r.Name, out var kind) ? kind : null,
                BuiltInKinds.ContainsKey(r.Name)))
            .OrderBy(static r => r.IsBuiltIn ? 0 : 1)
            .ThenBy(static r => r.Name, StringComparer.Ordinal)
            .ToArray();
        return new CompiledRules(factory, catalogue);
    }

    private sealed class ServiceProviderRuleActivator(IServiceProvider services) : IRuleActivator
    {
        public IEnumerable<NRulesRule> Activate(Type type)
        {
            yield return (NRulesRule)Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance(services, type);
        }
    }

    /// <summary>
    /// Resolves <c>ctx.Resolve</c> in rule actions from the host's services. A <see cref="FindingCollector"/> is there only
    /// in the engine's own sessions (they put one over this resolver); everywhere else the answer is "none", so findings
    /// become linked facts.
    /// </summary>
    private sealed class EngineDependencyResolver(IServiceProvider? services) : NRules.Extensibility.IDependencyResolver
    {
        public object Resolve(NRules.Extensibility.IResolutionContext context, Type serviceType) =>
            serviceType == typeof(FindingCollector)
                ? null!
                : services?.GetService(serviceType)
                  ?? throw new InvalidOperationException("Rule " + context.Rule.Name + " needs a " + serviceType.Name + ", which is not registered with the host's services.");
    }
}
