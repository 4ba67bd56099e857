using System.Runtime.InteropServices;
using NRules.Extensibility;
using NRules.RuleModel;
using Safeguarding.Rules.Findings;

namespace Safeguarding.Rules.Monitoring;

/// <summary>
/// The findings of one long-lived session, kept current as its matches come and go: the session's
/// <see cref="IFindingSink"/> (a rule's action gives the finding of its match, new or changed) and a listener to the
/// session's deleted activations (a match that went away takes its finding with it). Each finding is held by its
/// match and by its id; while journaling, the first time an id is touched its earlier finding (or none) is noted, so
/// a change's effect is read off the touched ids alone. Not thread-safe: one session, used by one thread at a time.
/// </summary>
internal sealed class FindingTracker : IFindingSink
{
    /// <summary>Each match's finding with its id (an id is computed from the finding's fields, so it is kept rather than worked out again).</summary>
    private readonly Dictionary<IMatch, (Finding Finding, string Id)> _byMatch = new(ReferenceEqualityComparer.Instance);
    /// <summary>Each current finding by its id, with the match that gives it.</summary>
    private readonly Dictionary<string, (Finding Finding, IMatch Match)> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Finding?> _before = new(StringComparer.Ordinal);

    /// <summary>Whether touched ids are noted (off while a session is first filled).</summary>
    public bool Journaling { get; set; }

    /// <summary>The session's current findings by id, each with the match that gives it.</summary>
    public IReadOnlyDictionary<string, (Finding Finding, IMatch Match)> ById => _byId;

    /// <summary>
    /// Makes room for about <paramref name="findings"/> findings before a session is first filled (about one per fact
    /// it holds), so that the dictionaries are not rebuilt as they grow.
    /// </summary>
    public void EnsureCapacity(int findings)
    {
        _byMatch.EnsureCapacity(findings);
        _byId.EnsureCapacity(findings);
    }

    /// <summary>The ids touched since <see cref="ClearJournal"/>, each with its finding before.</summary>
    public IReadOnlyDictionary<string, Finding?> Before => _before;

    public void ClearJournal() => _before.Clear();

    void IFindingSink.Raise(IContext context, Finding finding)
    {
        var match = context.Match;
        ref var held = ref CollectionsMarshal.GetValueRefOrAddDefault(_byMatch, match, out var existed);

        // A match raised again (a fact updated: every finding of a new day) about the same subject has the same id, which is
        // made of the kind and the subject's values (contract section 7): it is kept rather than written out again.
        var id = existed && string.Equals(held.Finding.Kind, finding.Kind, StringComparison.Ordinal) && FindingSchema.Of(finding.Kind).SameSubject(held.Finding, finding)
            ? held.Id
            : finding.Id;
        if (existed && !string.Equals(held.Id, id, StringComparison.Ordinal))
        {
            // The match now gives a finding with another id: the earlier one goes. (With the same id, the new one replaces it below.)
            Forget(held.Finding, held.Id);
        }

        held = (finding, id);
        Touch(id);
        _byId[id] = (finding, match);
    }

    /// <summary>
    /// Replaces the current finding with <paramref name="fresh"/>'s id by <paramref name="fresh"/>, as if its rule had fired
    /// again for the same match; only when that finding was raised by the same rule. Returns whether it was.
    /// </summary>
    public bool Refresh(Finding fresh)
    {
        var id = fresh.Id;
        if (!_byId.TryGetValue(id, out var current) || !string.Equals(current.Finding.Rule, fresh.Rule, StringComparison.Ordinal))
        {
            return false;
        }

        Touch(id);
        _byId[id] = (fresh, current.Match);
        _byMatch[current.Match] = (fresh, id);
        return true;
    }

    /// <summary>A match went away: its finding goes too.</summary>
    public void Deleted(IMatch match)
    {
        if (_byMatch.Remove(match, out var held))
        {
            Forget(held.Finding, held.Id);
        }
    }

    /// <summary>Gives a session this tracker as its <see cref="IFindingSink"/>, and everything else from the factory's resolver.</summary>
    public IDependencyResolver ResolverOver(IDependencyResolver inner) => new Resolver(this, inner);

    private void Forget(Finding finding, string id)
    {
        if (_byId.TryGetValue(id, out var current) && ReferenceEquals(current.Finding, finding))
        {
            Touch(id);
            _byId.Remove(id);
        }
    }

    private void Touch(string id)
    {
        if (Journaling && !_before.ContainsKey(id))
        {
            _before[id] = _byId.TryGetValue(id, out var current) ? current.Finding : null;
        }
    }

    private sealed class Resolver(FindingTracker tracker, IDependencyResolver inner) : IDependencyResolver
    {
        public object Resolve(IResolutionContext context, Type serviceType) =>
            serviceType == typeof(IFindingSink) ? tracker : inner.Resolve(context, serviceType);
    }
}
