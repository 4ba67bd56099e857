using System.Globalization;
using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.ChildProtection;

/// <summary>A police protection that lasted longer than the policy's maximum (never more than the statutory 72 hours).</summary>
[Name(RuleNames.PoliceProtectionExceeded)]
[Description("A child may be kept in police protection for at most {childProtection.policeProtectionMaxHours} hours (childProtection.policeProtectionMaxHours; Children Act 1989 s46 allows 72, never more); a finding when the protection lasted longer, to its end or to the as-of instant, compared in whole minutes.")]
[Tag(RuleTags.ChildProtection)]
[FindingKind(FindingKinds.PoliceProtectionExceeded)]
internal sealed class PoliceProtectionExceededRule : BuiltInRule
{
    public override void Define()
    {
        PoliceProtectionCase protection = null!;

        When()
            .Match(() => protection, p => PoliceProtectionClock.IsExceeded(p.MinutesInProtection, p.Policy.ChildProtection.PoliceProtectionMaxHours));

        Then()
            .Do(ctx => Raise(ctx, Exceeded(protection)));
    }

    private static Finding Exceeded(PoliceProtectionCase p) => new()
    {
        Kind = FindingKinds.PoliceProtectionExceeded,
        Rule = RuleNames.PoliceProtectionExceeded,
        Reason = "Police protection " + p.ProtectionId + " from " + Elapsed.At(p.StartedAt) + ": "
            + (p.EndedAt is null ? "still in protection at " + Elapsed.At(p.AsOfInstant) + " after " : "ended after ")
            + Elapsed.Text(p.MinutesInProtection) + "; maximum " + p.Policy.ChildProtection.PoliceProtectionMaxHours.ToString(CultureInfo.InvariantCulture) + " h.",
        ProtectionId = p.ProtectionId,
        TeamId = p.TeamId,
        StartedAt = InstantText.ToOutput(p.StartedAt),
        HoursInProtection = Elapsed.Hours(p.MinutesInProtection),
    };
}
