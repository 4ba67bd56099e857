
namespace Safeguarding.Rules.Testing.Scenarios;

/// <summary>
/// Compares actual findings with a scenario's expectations: for each kind the scenario names (every kind when
/// exhaustive), the actual findings of that kind must be exactly the expected ones, one finding per expectation.
/// </summary>
internal static class ExpectationMatcher
{
    public static List<FindingDifference> Compare(IReadOnlyList<FindingExpectation> expectations, IReadOnlyList<Finding> findings, bool exhaustive)
    {
        var kinds = expectations.Select(e => e.Kind);
        if (exhaustive)
        {
            kinds = kinds.Concat(findings.Select(f => f.Kind));
        }

        var differences = new List<FindingDifference>();
        foreach (var kind in kinds.Distinct(StringComparer.Ordinal).OrderBy(FindingKinds.OrderOf).ThenBy(k => k, StringComparer.Ordinal))
        {
            var expected = expectations.Where(e => !e.None && string.Equals(e.Kind, kind, StringComparison.Ordinal)).ToList();
            var actual = findings.Where(f => string.Equals(f.Kind, kind, StringComparison.Ordinal)).ToList();
            Compare(kind, expected, actual, differences);
        }

        return differences;
    }

    private static void Compare(string kind, List<FindingExpectation> expected, List<Finding> actual, List<FindingDifference> differences)
    {
        var matchOfActual = MaximumMatching(expected, actual);
        var matched = new HashSet<int>(matchOfActual.Where(m => m >= 0));
        var unmatchedActual = Enumerable.Range(0, actual.Count).Where(a => matchOfActual[a] < 0).ToList();
        for (var e = 0; e < expected.Count; e++)
        {
            if (matched.Contains(e))
            {
                continue;
            }

            var about = unmatchedActual.FindIndex(a => expected[e].IsAbout(actual[a]));
            if (about >= 0)
            {
                differences.Add(new FindingDifference(FindingDifferenceKind.Differing, kind, expected[e], actual[unmatchedActual[about]]));
                unmatchedActual.RemoveAt(about);
            }
            else
            {
                differences.Add(new FindingDifference(FindingDifferenceKind.Missing, kind, expected[e], null));
            }
        }

        differences.AddRange(unmatchedActual.Select(a => new FindingDifference(FindingDifferenceKind.Unexpected, kind, null, actual[a])));
    }

    /// <summary>A maximum one-to-one matching of expectations to findings (augmenting paths): for each finding, the expectation it is matched to, or -1.</summary>
    private static int[] MaximumMatching(List<FindingExpectation> expected, List<Finding> actual)
    {
        var matchOfActual = Enumerable.Repeat(-1, actual.Count).ToArray();
        var edges = expected.Select(e => Enumerable.Range(0, actual.Count).Where(a => e.Matches(actual[a])).ToList()).ToList();
        for (var e = 0; e < expected.Count; e++)
        {
            Augment(e, edges, matchOfActual, new bool[actual.Count]);
        }

        return matchOfActual;
    }

    private static bool Augment(int e, List<List<int>> edges, int[] matchOfActual, bool[] visited)
    {
        foreach (var a in edges[e])
        {
            if (visited[a])
            {
                continue;
            }

            visited[a] = true;
            if (matchOfActual[a] < 0 || Augment(matchOfActual[a], edges, matchOfActual, visited))
            {
                matchOfActual[a] = e;
                return true;
            }
        }

        return false;
    }
}
