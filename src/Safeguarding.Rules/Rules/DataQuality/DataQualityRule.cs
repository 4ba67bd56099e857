using System.Globalization;
using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.DataQuality;

/// <summary>Every rejected offender record becomes a finding, so that no offender is silently dropped.</summary>
[Name(RuleNames.DataQuality)]
[Description("Every offender record rejected as invalid becomes a data-quality finding, so no offender is silently dropped.")]
[Tag(RuleTags.DataQuality)]
internal sealed class DataQualityRule : Rule
{
    public override void Define()
    {
        RejectedOffender rejected = null!;

        When()
            .Match(() => rejected);

        Then()
            .Do(ctx => FindingOutput.Raise(ctx, Rejected(rejected)));
    }

    private static Finding Rejected(RejectedOffender r) => new()
    {
        Kind = FindingKinds.DataQuality,
        Rule = RuleNames.DataQuality,
        Reason = "Offender record " + r.Index.ToString(CultureInfo.InvariantCulture)
            + (r.OffenderId is null ? string.Empty : " (id " + r.OffenderId + ")")
            + " was rejected and not evaluated; fields at fault: " + string.Join(", ", r.Fields) + ".",
        OffenderId = r.OffenderId,
        Index = r.Index,
    };
}
