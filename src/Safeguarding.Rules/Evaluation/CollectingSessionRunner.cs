using System.Collections.Concurrent;
using NRules;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Evaluation;

/// <summary>
/// The mode for built-in rules only: each session's findings go to a <see cref="FindingCollector"/> beside the session
/// (its <see cref="IFindingSink"/>), which costs no facts, and the rules that fired are read from the findings. A
/// finding is replaced if its match changes; a match can only go if a fact is retracted or changed, which an
/// evaluation never does, and no built-in condition turns false as facts are added: were one to, its finding could
/// not follow, so that is checked rather than assumed.
/// </summary>
internal sealed class CollectingSessionRunner(ISessionFactory factory, MatchFilter filter) : ISessionRunner
{

    public ReportBuilder.SortedPart Run(Partition partition, ConcurrentDictionary<string, byte> fired)
    {
        var session = factory.CreateSession();
        var facts = partition.CreateFacts(filter);
        var collector = new FindingCollector(facts.Count + (facts.Count / 4));
        var withdrawn = false;
        session.DependencyResolver = collector.ResolverOver(session.DependencyResolver);
        session.Events.ActivationDeletedEvent += (_, _) => withdrawn = true;
        session.InsertAll(facts);
        // The overdue visits each VisitOverdue firing yields are queued and propagated as one batch once the firings are
        // done (NRules issue 241), so the escalation rules and each team's backlog aggregate take them in one pass, not one
        // propagation per firing; then the rules they activate fire, until nothing more is yielded.
        // The firings give their findings to the collector directly (FindingCollector.Firing), not through the resolver.
        session.AutoPropagateLinkedFacts = false;
        collector.Collect(() =>
        {
            do
            {
                session.Fire();
            }
            while (session.PropagateLinked().Any());
        });
        if (withdrawn)
        {
            throw new InvalidOperationException("A built-in rule's match went away during an evaluation, so its collected finding would be stale. This is a defect in Safeguarding.Rules.");
        }

        // Each built-in rule names itself on its findings or (VisitOverdue) on its overdue visits. The names are gathered
        // here first, then each noted once in the shared set (see ISessionRunner.NoteFired).
        var rules = new List<string>(8);
        string? lastRule = null;
        foreach (var finding in collector.Findings)
        {
            if (!ReferenceEquals(finding.Rule, lastRule))
            {
                lastRule = finding.Rule;
                Note(rules, lastRule);
            }
        }

        // (AsEnumerable: on the IQueryable itself, FirstOrDefault would compile an expression tree each time.)
        if (session.Query<OverdueVisit>().AsEnumerable().FirstOrDefault() is { } overdue)
        {
            Note(rules, overdue.Rule);
        }

        foreach (var rule in rules)
        {
            ISessionRunner.NoteFired(fired, rule);
        }

        return ReportBuilder.SortPart(collector.Findings);
    }

    /// <summary>Adds <paramref name="rule"/> to <paramref name="rules"/> unless it is there (a few names: a scan costs less than a hash).</summary>
    private static void Note(List<string> rules, string rule)
    {
        foreach (var known in rules)
        {
            if (string.Equals(known, rule, StringComparison.Ordinal))
            {
                return;
            }
        }

        rules.Add(rule);
    }
}
