using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Community;

/// <summary>A risk assessment more than a year old, or no assessment four weeks after registration, is overdue.</summary>
[Name(RuleNames.RiskReviewOverdue)]
[Description("For an offender in the community, the risk review is overdue when the latest assessment plus {riskReviewDays} days (riskReviewDays) is before the as-of date, or, with no assessment, registration plus {initialAssessmentDays} days (initialAssessmentDays) is. A due date beyond the calendar (after 9999-12-31) is never reached.")]
[Tag(RuleTags.Community)]
[FindingKind(FindingKinds.RiskReviewOverdue)]
internal sealed class RiskReviewOverdueRule : BuiltInRule
{
    public override void Define()
    {
        OffenderCase offender = null!;

        When()
            .Match(() => offender, o => Holds(o));

        Then()
            .Do(ctx => Raise(ctx, ReviewOverdue(offender)));
    }

    /// <summary>
    /// Whether <paramref name="o"/>'s risk review is overdue: in the community and past its review date. The rule's
    /// condition; also what the live monitor tests before it refreshes the finding on a new day.
    /// </summary>
    internal static bool Holds(OffenderCase o) => !o.InCustody && RiskReviewSchedule.IsOverdue(o.RiskReviewDueOn, o.AsOf);

    /// <summary>The finding this rule raises for <paramref name="o"/>; also what the live monitor refreshes it to on a new day that cannot change the offender's matches.</summary>
    internal static Finding ReviewOverdue(OffenderCase o) => new(
        FindingKinds.RiskReviewOverdue,
        RuleNames.RiskReviewOverdue,
        Reasons.Later(
            (o.RiskLevel, o.RiskAssessedOn, o.RegisteredOn, DueOn: o.RiskReviewDueOn!.Value, o.AsOf, o.Policy.RiskReviewDays, o.Policy.InitialAssessmentDays),
            static r => Reasons.Risk(r.RiskLevel) + " risk: "
                + (r.RiskAssessedOn is { } assessed
                    ? "last risk assessment " + Reasons.Date(assessed) + "; review every " + Reasons.Days(r.RiskReviewDays)
                    : "no risk assessment since registration on " + Reasons.Date(r.RegisteredOn) + "; initial assessment due within " + Reasons.Days(r.InitialAssessmentDays))
                + "; due " + Reasons.Date(r.DueOn) + "; " + Reasons.Days(r.AsOf.DayNumber - r.DueOn.DayNumber) + " overdue."))
    {
        OffenderId = o.Id,
        ManagerId = o.ManagerId,
        TeamId = o.TeamId,
        RiskLevel = o.RiskLevel,
        DueOn = o.RiskReviewDueOn,
    };
}
