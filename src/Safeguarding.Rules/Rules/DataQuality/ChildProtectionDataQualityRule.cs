using System.Globalization;
using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.DataQuality;

/// <summary>
/// Every rejected strategy discussion, detention or police protection becomes a finding, so that no record is silently
/// dropped. Tagged <see cref="RuleTags.DataQuality"/> and <see cref="RuleTags.ChildProtection"/> (contract section 6: its
/// rules are tagged ChildProtection so a host can switch them off as a group): either tag switches it off.
/// </summary>
[Name(RuleNames.ChildProtectionDataQuality)]
[Description("Every strategy discussion, detention or police protection record rejected as invalid becomes a data-quality finding, so no record is silently dropped.")]
[Tag(RuleTags.DataQuality)]
[Tag(RuleTags.ChildProtection)]
[FindingKind(FindingKinds.DataQuality)]
internal sealed class ChildProtectionDataQualityRule : BuiltInRule
{
    public override void Define()
    {
        RejectedChildProtectionRecord rejected = null!;

        When()
            .Match(() => rejected);

        Then()
            .Do(ctx => Raise(ctx, Rejected(rejected)));
    }

    private static Finding Rejected(RejectedChildProtectionRecord r) => new()
    {
        Kind = FindingKinds.DataQuality,
        Rule = RuleNames.ChildProtectionDataQuality,
        Reason = "Record " + r.Array + "[" + r.Index.ToString(CultureInfo.InvariantCulture) + "]"
            + (r.RecordId is null ? string.Empty : " (id " + r.RecordId + ")")
            + " was rejected and not evaluated; fields at fault: " + string.Join(", ", r.Fields) + ".",
        Array = r.Array,
        Index = r.Index,
        RecordId = r.RecordId,
    };
}
