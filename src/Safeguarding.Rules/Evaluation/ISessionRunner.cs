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
}
