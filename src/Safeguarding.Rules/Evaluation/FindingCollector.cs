using NRules.Extensibility;
using NRules.RuleModel;
using Safeguarding.Rules.Findings;

namespace Safeguarding.Rules.Evaluation;

/// <summary>
/// The findings of one session, outside the session's working memory. Making each finding a linked fact costs a fact,
/// its links and its way through the network; when no rule matches findings (only built-in rules are loaded), the
/// engine's sessions collect them here instead. A finding given again for the same rule and subject (its match
/// changed) replaces the earlier one, as an updated linked fact would. Not thread-safe: one session.
/// </summary>
internal sealed class FindingCollector(int capacity = 0) : IFindingSink
{
    /// <summary>
    /// The collector of the session whose rules are firing on this thread, if the runner set one (see <see cref="Collect"/>):
    /// a rule action gives its finding here without resolving the sink through the session's resolver, which costs a
    /// resolution context per finding. A session fires its actions on the thread that calls it, one at a time.
    /// </summary>
    [ThreadStatic]
    private static FindingCollector? t_firing;

    // Sized for the session (about one finding per fact inserted), so that it is not rebuilt as it grows.
    private readonly Dictionary<Finding, Finding> _findings = new(capacity, SameRuleAndSubject.Instance);

    /// <summary>The collector of the session firing on this thread, or <see langword="null"/>.</summary>
    public static FindingCollector? Firing => t_firing;

    public IReadOnlyCollection<Finding> Findings => _findings.Values;

    public void Raise(Finding finding) => _findings[finding] = finding;

    void IFindingSink.Raise(IContext context, Finding finding) => _findings[finding] = finding;

    /// <summary>
    /// Runs <paramref name="fire"/> (a session's firing) with this collector as the thread's <see cref="Firing"/>
    /// collector, and restores the previous one afterwards, even if it throws.
    /// </summary>
    public void Collect(Action fire)
    {
        var previous = t_firing;
        t_firing = this;
        try
        {
            fire();
        }
        finally
        {
            t_firing = previous;
        }
    }

    /// <summary>Gives a session this collector as its <see cref="IFindingSink"/>, and everything else from the factory's resolver.</summary>
    public IDependencyResolver ResolverOver(IDependencyResolver inner) => new Resolver(this, inner);

    private sealed class Resolver(FindingCollector collector, IDependencyResolver inner) : IDependencyResolver
    {
        public object Resolve(IResolutionContext context, Type serviceType) =>
            serviceType == typeof(IFindingSink) ? collector : inner.Resolve(context, serviceType);
    }

    /// <summary>
    /// The same rule about the same subject: the same kind with equal identity values (<see cref="FindingKindSchema.SameSubject"/>,
    /// what the finding's id and hash are made of). Comparing offender, manager, team and index instead once let two
    /// child-protection findings of one rule about two records of one team be equal, told apart only by their 32-bit hashes.
    /// </summary>
    internal sealed class SameRuleAndSubject : IEqualityComparer<Finding>
    {
        public static readonly SameRuleAndSubject Instance = new();

        public bool Equals(Finding? x, Finding? y) =>
            string.Equals(x!.Rule, y!.Rule, StringComparison.Ordinal)
            && string.Equals(x.Kind, y.Kind, StringComparison.Ordinal)
            && FindingSchema.Of(x.Kind).SameSubject(x, y);

        public int GetHashCode(Finding obj) => obj.GetHashCode(); // kind and subject
    }
}
