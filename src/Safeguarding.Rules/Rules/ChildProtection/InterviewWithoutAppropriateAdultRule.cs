using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.ChildProtection;

/// <summary>A detained juvenile interviewed with no appropriate adult present and no urgent interview authorised (PACE Code C).</summary>
[Name(RuleNames.InterviewWithoutAppropriateAdult)]
[Description("Each interview of a detained juvenile, started by the as-of instant, with no appropriate adult present and no urgent interview authorised is a finding.")]
[Tag(RuleTags.ChildProtection)]
[FindingKind(FindingKinds.InterviewWithoutAppropriateAdult)]
internal sealed class InterviewWithoutAppropriateAdultRule : BuiltInRule
{
    public override void Define()
    {
        InterviewCase interview = null!;

        When()
            .Match(() => interview, i => i.Juvenile, i => !i.AppropriateAdultPresent, i => !i.UrgentInterviewAuthorised);

        Then()
            .Do(ctx => Raise(ctx, Unaccompanied(interview)));
    }

    private static Finding Unaccompanied(InterviewCase i) => new()
    {
        Kind = FindingKinds.InterviewWithoutAppropriateAdult,
        Rule = RuleNames.InterviewWithoutAppropriateAdult,
        Reason = "Detention " + i.DetentionId + " at custody suite " + i.CustodySuiteId + ": juvenile interviewed from " + Elapsed.At(i.StartedAt)
            + " with no appropriate adult present and no urgent interview authorised.",
        DetentionId = i.DetentionId,
        CustodySuiteId = i.CustodySuiteId,
        InterviewStartedAt = InstantText.ToOutput(i.StartedAt),
    };
}
