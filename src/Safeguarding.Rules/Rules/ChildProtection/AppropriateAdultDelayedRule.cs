using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.ChildProtection;

/// <summary>A detained juvenile who waited too long for an appropriate adult (PACE Code C); a long wait goes to the inspector.</summary>
[Name(RuleNames.AppropriateAdultDelayed)]
[Description("A detained juvenile's wait for an appropriate adult runs from authorisation to the adult's arrival, the release or the as-of instant, whichever is first; a finding when it is more than {childProtection.appropriateAdultAlertMinutes} minutes (childProtection.appropriateAdultAlertMinutes), escalated to the Supervisor, or to the Inspector when it is more than {childProtection.appropriateAdultInspectorMinutes} minutes (childProtection.appropriateAdultInspectorMinutes).")]
[Tag(RuleTags.ChildProtection)]
[FindingKind(FindingKinds.AppropriateAdultDelayed)]
internal sealed class AppropriateAdultDelayedRule : BuiltInRule
{
    public override void Define()
    {
        DetentionCase detention = null!;

        When()
            .Match(() => detention, d => d.Juvenile, d => AppropriateAdultWait.IsDelayed(d.MinutesWaited, d.Policy.ChildProtection.AppropriateAdultAlertMinutes));

        Then()
            .Do(ctx => Raise(ctx, Delayed(detention)));
    }

    private static Finding Delayed(DetentionCase d)
    {
        var policy = d.Policy.ChildProtection;
        var escalateTo = AppropriateAdultWait.EscalateTo(d.MinutesWaited, policy.AppropriateAdultInspectorMinutes);
        var wait = d.Awaiting
            ? "no appropriate adult by " + Elapsed.At(d.AsOfInstant) + ", waiting " + Elapsed.Text(d.MinutesWaited)
            : d.AppropriateAdultArrivedAt is { } arrived && (d.ReleasedAt is not { } released || arrived <= released)
                ? "appropriate adult arrived after " + Elapsed.Text(d.MinutesWaited)
                : "released without an appropriate adult after " + Elapsed.Text(d.MinutesWaited);
        return new Finding
        {
            Kind = FindingKinds.AppropriateAdultDelayed,
            Rule = RuleNames.AppropriateAdultDelayed,
            Reason = "Detention " + d.DetentionId + " at custody suite " + d.CustodySuiteId + ": juvenile detained " + Elapsed.At(d.AuthorisedAt) + "; "
                + wait + "; alert after " + Elapsed.Text(policy.AppropriateAdultAlertMinutes) + ", inspector after "
                + Elapsed.Text(policy.AppropriateAdultInspectorMinutes) + "; escalated to " + ContractNames.Of(escalateTo) + ".",
            DetentionId = d.DetentionId,
            CustodySuiteId = d.CustodySuiteId,
            AuthorisedAt = InstantText.ToOutput(d.AuthorisedAt),
            MinutesWaited = d.MinutesWaited,
            Awaiting = d.Awaiting,
            EscalateTo = escalateTo,
        };
    }
}
