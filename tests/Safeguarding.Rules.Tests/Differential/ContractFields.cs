using Safeguarding.Rules.Findings;

namespace Safeguarding.Rules.Tests.Differential;

/// <summary>
/// The fields of a finding that the contract defines for its kind and <c>overrideExpiredOn</c>, besides <c>rule</c> and <c>reason</c>, as the
/// findings document writes them (from the findings schema): what the differential tests compare.
/// </summary>
internal sealed record ContractFields(string Text)
{
    public static ContractFields Of(Finding finding) =>
        new(string.Concat(
            [finding.Kind, .. FindingSchema.Of(finding.Kind).Fields.Append(FindingSchema.OverrideExpiredOn).Where(f => f.IsPresent(finding)).Select(f => " " + f.Name + "=" + f.Format(finding))]));

    /// <summary>One line in the contract's JSON field names, absent fields left out.</summary>
    public override string ToString() => Text;
}
