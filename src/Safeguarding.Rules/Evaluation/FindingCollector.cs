using NRules.Extensibility;

namespace Safeguarding.Rules.Evaluation;

/// <summary>
/// The findings of one session, outside the session's working memory. Making each finding a linked fact costs a fact,
/// its links and its way through the network; when no rule matches findings (only built-in rules are loaded), the
/// engine's sessions collect them here instead. A finding given again for the same rule and subject (its match
/// changed) replaces the earlier one, as an updated linked fact would. Not thread-safe: one session.
/// </summary>
internal sealed class FindingCollector
{
    private readonly Dictionary<Finding, Finding> _findings = new(SameRuleAndSubject.Instance);

    public IReadOnlyCollection<Finding> Findings => _findings.Values;

    public void Raise(Finding finding) => _findings[finding] = finding;

    /// <summary>Gives a session this collector, and everything else from the factory's resolver.</summary>
    public IDependencyResolver ResolverOver(IDependencyResolver inner) => new Resolver(this, inner);

    private sealed class Resolver(FindingCollector collector, IDependencyResolver inner) : IDependencyResolver
    {
        public object Resolve(IResolutionContext context, Type serviceType) =>
            serviceType == typeof(FindingCollector) ? collector : inner.Resolve(context, serviceType);
    }

    /// <summary>The same rule about the same subject (offender, manager, team or record).</summary>
    private sealed class SameRuleAndSubject : IEqualityComparer<Finding>
    {
        public static readonly SameRuleAndSubject Instance = new();

        public bool Equals(Finding? x, Finding? y) =>
            string.Equals(x!.Rule, y!.Rule, StringComparison.Ordinal)
            && string.Equals(x.Kind, y.Kind, StringComparison.Ordinal)
            && string.Equals(x.OffenderId, y.OffenderId, StringComparison.Ordinal)
            && string.Equals(x.ManagerId, y.ManagerId, StringComparison.Ordinal)
            && string.Equals(x.TeamId, y.TeamId, StringComparison.Ordinal)
            && x.Index == y.Index;

        public int GetHashCode(Finding obj) => obj.GetHashCode(); // kind and subject
    }
}
