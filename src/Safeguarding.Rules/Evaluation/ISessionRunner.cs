using System.Collections.Concurrent;

namespace Safeguarding.Rules.Evaluation;

/// <summary>
/// How the engine runs one partition's session and gets its findings out: <see cref="CollectingSessionRunner"/> when
/// only built-in rules are loaded, <see cref="LinkedFactsSessionRunner"/> when host rules are. Chosen once, when the
/// rules are compiled.
/// </summary>
internal interface ISessionRunner
{
    /// <summary>Evaluates <paramref name="partition"/> in a session of its own, adds the rules that fired to <paramref name="fired"/>, and sorts the findings.</summary>
    ReportBuilder.SortedPart Run(Partition partition, ConcurrentDictionary<string, byte> fired);

    /// <summary>
    /// Adds <paramref name="rule"/> to the rules that fired, shared by the partitions' threads. A
    /// <see cref="ConcurrentDictionary{TKey, TValue}"/> takes a lock on every <c>TryAdd</c>, even of a key it holds, and
    /// every partition names the same few rules, so the name is looked up first (lock-free) and added only when missing
    /// (measured: benchmarks/RESULTS.md, session 13).
    /// </summary>
    static void NoteFired(ConcurrentDictionary<string, byte> fired, string rule)
    {
        if (!fired.ContainsKey(rule))
        {
            fired.TryAdd(rule, 0);
        }
    }
}
