using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Community;

/// <summary>A risk assessment more than a year old, or no assessment four weeks after registration, is overdue.</summary>
[Name(RuleNames.RiskReviewOverdue)]
[Description("For an offender in the community, the risk review is overdue when the latest assessment plus 365 days (riskReviewDays) is before the as-of date, or, with no assessment, registration plus 28 days (initialAssessmentDays) is.")]
[Tag(RuleTags.Community)]
internal sealed class RiskReviewOverdueRule : Rule
{
    public override void Define()
    {
        OffenderCase offender = null!;

        When()
            .Match(() => offender, o => !o.InCustody, o => o.RiskReviewDueOn < o.AsOf);

        Then()
            .Do(ctx => FindingOutput.Raise(ctx, ReviewOverdue(offender)));
    }

    private static Finding ReviewOverdue(OffenderCase o) => new()
    {
        Kind = FindingKinds.RiskReviewOverdue,
        Rule = RuleNames.RiskReviewOverdue,
        Reason = Reasons.Risk(o.RiskLevel) + " risk: "
            + (o.RiskAssessedOn is { } assessed
                ? "last risk assessment " + Reasons.Date(assessed) + "; review every " + Reasons.Days(o.Policy.RiskReviewDays)
                : "no risk assessment since registration on " + Reasons.Date(o.RegisteredOn) + "; initial assessment due within " + Reasons.Days(o.Policy.InitialAssessmentDays))
            + "; due " + Reasons.Date(o.RiskReviewDueOn) + "; " + Reasons.Days(o.AsOf.DayNumber - o.RiskReviewDueOn.DayNumber) + " overdue.",
        OffenderId = o.Id,
        ManagerId = o.ManagerId,
        TeamId = o.TeamId,
        RiskLevel = o.RiskLevel,
        DueOn = o.RiskReviewDueOn,
    };
}
