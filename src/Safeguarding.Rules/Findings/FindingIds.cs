using System.Globalization;

namespace Safeguarding.Rules.Findings;

/// <summary>Contract section 7: finding ids are unique within a report.</summary>
internal static class FindingIds
{
    /// <summary>
    /// Throws when two of <paramref name="findings"/> share an id (only a host's own rule can cause that: the built-in
    /// rules raise one finding per subject and kind), naming the rule that raised the second and the id.
    /// </summary>
    /// <exception cref="InvalidOperationException">Two findings share an id.</exception>
    public static void EnsureUnique(IReadOnlyList<Finding> findings)
    {
        var seen = new Dictionary<Finding, Finding>(findings.Count, SameId.Instance);
        foreach (var finding in findings)
        {
            if (!seen.TryAdd(finding, finding))
            {
                var first = seen[finding];
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Rule {finding.Rule} raised a finding with the id {finding.Id}, which rule {first.Rule} had already given to another finding; finding ids must be unique within a report (contract section 7). Give the rule's findings a kind of their own, or a subject (teamId, managerId, offenderId) that tells them apart."));
            }
        }
    }

    /// <summary>Same kind and same identity values: the same id, without building the id strings.</summary>
    private sealed class SameId : IEqualityComparer<Finding>
    {
        public static readonly SameId Instance = new();

        public bool Equals(Finding? x, Finding? y) =>
            string.Equals(x!.Kind, y!.Kind, StringComparison.Ordinal) && FindingSchema.Of(x.Kind).SameSubject(x, y);

        public int GetHashCode(Finding obj) => obj.GetHashCode();
    }
}
