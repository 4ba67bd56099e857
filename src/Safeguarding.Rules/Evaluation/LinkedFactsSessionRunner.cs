using System.Collections.Concurrent;
using NRules;

namespace Safeguarding.Rules.Evaluation;

/// <summary>
/// The mode for host rules: they may match findings and may act without a trace, so findings stay linked facts in the
/// session (the factory's resolver gives the <see cref="LinkedFindingSink"/>) and every firing is heard.
/// </summary>
internal sealed class LinkedFactsSessionRunner(ISessionFactory factory, MatchFilter filter) : ISessionRunner
{
    public ReportBuilder.SortedPart Run(Partition partition, ConcurrentDictionary<string, byte> fired)
    {
        var session = factory.CreateSession();
        session.Events.RuleFiredEvent += (_, e) => ISessionRunner.NoteFired(fired, e.Rule.Name);
        session.InsertAll(partition.CreateFacts(filter));
        session.Fire();
        return ReportBuilder.SortPart(session.Query<Finding>().AsEnumerable().ToArray());
    }
}
