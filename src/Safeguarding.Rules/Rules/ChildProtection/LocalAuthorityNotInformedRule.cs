using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.ChildProtection;

/// <summary>The local authority not informed of a police protection in time; a late notification stays a finding.</summary>
[Name(RuleNames.LocalAuthorityNotInformed)]
[Description("The local authority must be informed within {childProtection.localAuthorityInformMinutes} minutes (childProtection.localAuthorityInformMinutes) of a child being taken into police protection; a finding when it was informed later, or is not informed by the as-of instant once that time has passed, even after the protection has ended.")]
[Tag(RuleTags.ChildProtection)]
[FindingKind(FindingKinds.LocalAuthorityNotInformed)]
internal sealed class LocalAuthorityNotInformedRule : BuiltInRule
{
    public override void Define()
    {
        PoliceProtectionCase protection = null!;

        When()
            .Match(() => protection, p => PoliceProtectionClock.IsInformedLate(p.MinutesToInform, p.Policy.ChildProtection.LocalAuthorityInformMinutes));

        Then()
            .Do(ctx => Raise(ctx, NotInformed(protection)));
    }

    private static Finding NotInformed(PoliceProtectionCase p) => new()
    {
        Kind = FindingKinds.LocalAuthorityNotInformed,
        Rule = RuleNames.LocalAuthorityNotInformed,
        Reason = "Police protection " + p.ProtectionId + " from " + Elapsed.At(p.StartedAt) + ": "
            + (p.LocalAuthorityInformedAt is null
                ? "local authority not informed by " + Elapsed.At(p.AsOfInstant) + ", " + Elapsed.Text(p.MinutesToInform) + " on"
                : "local authority informed after " + Elapsed.Text(p.MinutesToInform))
            + "; limit " + Elapsed.Text(p.Policy.ChildProtection.LocalAuthorityInformMinutes) + ".",
        ProtectionId = p.ProtectionId,
        TeamId = p.TeamId,
        StartedAt = InstantText.ToOutput(p.StartedAt),
        MinutesToInform = p.MinutesToInform,
        Awaiting = p.LocalAuthorityInformedAt is null,
    };
}
