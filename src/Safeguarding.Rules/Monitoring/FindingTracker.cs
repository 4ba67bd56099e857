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
    /// <summary>Each match's finding, as its key.</summary>
    private readonly Dictionary<IMatch, FindingKey> _byMatch = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Each current finding by its id, with the match that gives it. The key is the finding itself (<see cref="FindingKey"/>),
    /// compared as its id is without writing the id out: a load tracks every finding of the caseload, and building each
    /// id string would cost it a tenth of its time. An id is written out only when it is read.
    /// </summary>
    private readonly Dictionary<FindingKey, (Finding Finding, IMatch Match)> _byId = [];
    private readonly Dictionary<FindingKey, Finding?> _before = [];

    /// <summary>Each current finding by its id written out: made by the first <see cref="FindById"/> and kept current from then on.</summary>
    private Dictionary<string, Finding>? _byIdText;

    /// <summary>Whether touched ids are noted (off while a session is first filled).</summary>
    public bool Journaling { get; set; }

    /// <summary>The session's current findings by id (each key a finding with that id, see <see cref="_byId"/>), each with the match that gives it.</summary>
    public IReadOnlyDictionary<FindingKey, (Finding Finding, IMatch Match)> ById => _byId;

    /// <summary>
    /// Makes room for about <paramref name="findings"/> findings before a session is first filled (about one per fact
    /// it holds), so that the dictionaries are not rebuilt as they grow.
    /// </summary>
    public void EnsureCapacity(int findings)
    {
        _byMatch.EnsureCapacity(findings);
        _byId.EnsureCapacity(findings);
    }

    /// <summary>The ids touched since <see cref="ClearJournal"/> (each key a finding with that id), each with its finding before.</summary>
    public IReadOnlyDictionary<FindingKey, Finding?> Before => _before;

    public void ClearJournal() => _before.Clear();

    void IFindingSink.Raise(IContext context, Finding finding)
    {
        var match = context.Match;
        ref var held = ref CollectionsMarshal.GetValueRefOrAddDefault(_byMatch, match, out var existed);

        // The match now gives a finding with another id (contract section 7: the kind and the subject's values): the earlier
        // one goes. With the same id, the new one replaces it below.
        var key = new FindingKey(finding);
        if (existed && !held.Equals(key))
        {
            Forget(held);
        }

        held = key;
        Touch(key);
        Put(key, match);
    }

    /// <summary>
    /// Replaces the current finding with <paramref name="fresh"/>'s id by <paramref name="fresh"/>, as if its rule had fired
    /// again for the same match; only when that finding was raised by the same rule. Returns whether it was.
    /// </summary>
    public bool Refresh(Finding fresh)
    {
        var key = new FindingKey(fresh);
        if (!_byId.TryGetValue(key, out var current) || !string.Equals(current.Finding.Rule, fresh.Rule, StringComparison.Ordinal))
        {
            return false;
        }

        Touch(key);
        Put(key, current.Match);
        _byMatch[current.Match] = key;
        return true;
    }

    /// <summary>A match went away: its finding goes too.</summary>
    public void Deleted(IMatch match)
    {
        if (_byMatch.Remove(match, out var held))
        {
            Forget(held);
        }
    }

    /// <summary>
    /// The current finding with the id <paramref name="id"/>, or <see langword="null"/>. Only an override names a finding
    /// by its id: the first call writes out every tracked finding's id into an index that is kept current from then on
    /// (each finding tracked after it has its id written out too), so a monitor without overrides never writes ids out.
    /// </summary>
    public Finding? FindById(string id)
    {
        if (_byIdText is null)
        {
            _byIdText = new Dictionary<string, Finding>(_byId.Count, StringComparer.Ordinal);
            foreach (var (finding, _) in _byId.Values)
            {
                _byIdText.Add(finding.Id, finding);
            }
        }

        return _byIdText.GetValueOrDefault(id);
    }

    /// <summary>Gives a session this tracker as its <see cref="IFindingSink"/>, and everything else from the factory's resolver.</summary>
    public IDependencyResolver ResolverOver(IDependencyResolver inner) => new Resolver(this, inner);

    /// <summary>
    /// Makes <paramref name="key"/>'s finding the current finding with its id, and its key: a replaced finding is not kept
    /// alive as the key of the one that replaced it.
    /// </summary>
    private void Put(FindingKey key, IMatch match)
    {
        var finding = key.Finding;
        if (!_byId.TryAdd(key, (finding, match)))
        {
            _byId.Remove(key);
            _byId.Add(key, (finding, match));
        }

        if (_byIdText is not null)
        {
            _byIdText[finding.Id] = finding;
        }
    }

    private void Forget(FindingKey key)
    {
        if (_byId.TryGetValue(key, out var current) && ReferenceEquals(current.Finding, key.Finding))
        {
            Touch(key);
            _byId.Remove(key);
            _byIdText?.Remove(key.Id);
        }
    }

    private void Touch(FindingKey key)
    {
        if (Journaling && !_before.ContainsKey(key))
        {
            _before[key] = _byId.TryGetValue(key, out var current) ? current.Finding : null;
        }
    }

    private sealed class Resolver(FindingTracker tracker, IDependencyResolver inner) : IDependencyResolver
    {
        public object Resolve(IResolutionContext context, Type serviceType) =>
            serviceType == typeof(IFindingSink) ? tracker : inner.Resolve(context, serviceType);
    }
}
