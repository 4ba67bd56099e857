using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Community;

/// <summary>The neighbourhood team must be briefed within a week of an offender moving onto its patch.</summary>
[Name(RuleNames.NeighbourhoodNotBriefed)]
[Description("For an offender in the community with a neighbourhood, the neighbourhood team is not briefed when more than 7 days (neighbourhoodBriefingDays) have passed since the move-in date (else registration or release) and no briefing for that offender and neighbourhood is dated on or after it.")]
[Tag(RuleTags.Community)]
internal sealed class NeighbourhoodNotBriefedRule : Rule
{
    public override void Define()
    {
        OffenderCase offender = null!;

        When()
            .Match(
                () => offender,
                o => !o.InCustody,
                o => o.NeighbourhoodId != null,
                o => o.AsOf.DayNumber - o.BriefingReferenceDate.DayNumber > o.Policy.NeighbourhoodBriefingDays,
                o => o.LatestBriefingInNeighbourhood == null || o.LatestBriefingInNeighbourhood.Value < o.BriefingReferenceDate);

        Then()
            .Do(ctx => FindingOutput.Raise(ctx, NotBriefed(offender)));
    }

    private static Finding NotBriefed(OffenderCase o) => new()
    {
        Kind = FindingKinds.NeighbourhoodNotBriefed,
        Rule = RuleNames.NeighbourhoodNotBriefed,
        Reason = Reasons.Risk(o.RiskLevel) + " risk: in neighbourhood " + o.NeighbourhoodId + " since " + Reasons.Date(o.BriefingReferenceDate)
            + (o.MovedIntoNeighbourhoodOn is null ? " (registration or release; no move-in date)" : string.Empty)
            + "; no briefing to its team since; briefing was due within " + Reasons.Days(o.Policy.NeighbourhoodBriefingDays) + ".",
        OffenderId = o.Id,
        ManagerId = o.ManagerId,
        TeamId = o.TeamId,
        NeighbourhoodId = o.NeighbourhoodId,
        Since = o.BriefingReferenceDate,
    };
}
