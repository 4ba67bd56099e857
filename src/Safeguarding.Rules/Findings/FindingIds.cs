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

    /// <summary>Compares findings as their ids compare (contract section 7), without writing an id out where the identity values tell.</summary>
    public static IEqualityComparer<Finding> SameIdComparer => SameId.Instance;

    /// <summary>
    /// The same id. A finding with every identity value present (every finding of the built-in rules but DataQuality) is
    /// compared by those values, without building the id string: the parts are escaped, so equal ids then mean equal
    /// values. Any other finding is compared by its id, since different values can give one id there: a host kind's id
    /// leaves out the parts that are absent (a manager "1" and an offender "1" both give <c>Kind:1</c>), and a DataQuality
    /// finding without <c>array</c> is the offenders'. Findings of the two sorts never share an id (their ids have
    /// different numbers of parts, or different kinds), so each sort may hash in its own way.
    /// </summary>
    private sealed class SameId : IEqualityComparer<Finding>
    {
        public static readonly SameId Instance = new();

        public bool Equals(Finding? x, Finding? y)
        {
            if (!string.Equals(x!.Kind, y!.Kind, StringComparison.Ordinal))
            {
                return false;
            }

            var schema = FindingSchema.Of(x.Kind);
            var byValues = ByValues(schema, x);
            return byValues == ByValues(schema, y) && (byValues ? schema.SameSubject(x, y) : string.Equals(x.Id, y.Id, StringComparison.Ordinal));
        }

        public int GetHashCode(Finding obj) => ByValues(FindingSchema.Of(obj.Kind), obj) ? obj.GetHashCode() : StringComparer.Ordinal.GetHashCode(obj.Id);

        /// <summary>Whether equal identity values are exactly equal ids for <paramref name="finding"/>: every part present, and not DataQuality.</summary>
        private static bool ByValues(FindingKindSchema schema, Finding finding)
        {
            if (string.Equals(finding.Kind, FindingKinds.DataQuality, StringComparison.Ordinal))
            {
                return false;
            }

            return schema.IdentityPresent(finding);
        }
    }
}
