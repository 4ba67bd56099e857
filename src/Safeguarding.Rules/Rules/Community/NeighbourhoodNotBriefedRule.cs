using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Community;

/// <summary>The neighbourhood team must be briefed within a week of an offender moving onto its patch.</summary>
[Name(RuleNames.NeighbourhoodNotBriefed)]
[Description("For an offender in the community with a neighbourhood, the neighbourhood team is not briefed when more than {neighbourhoodBriefingDays} days (neighbourhoodBriefingDays) have passed since the move-in date (else registration or release) and no briefing for that offender and neighbourhood is dated on or after it.")]
[Tag(RuleTags.Community)]
[FindingKind(FindingKinds.NeighbourhoodNotBriefed)]
internal sealed class NeighbourhoodNotBriefedRule : BuiltInRule
{
    public override void Define()
    {
        OffenderCase offender = null!;

        When()
            .Match(
                () => offender,
                o => !o.InCustody,
                o => o.NeighbourhoodId != null,
                o => NeighbourhoodBriefingSchedule.IsNotBriefed(o.AsOf, o.BriefingReferenceDate, o.LatestBriefingInNeighbourhood, o.Policy.NeighbourhoodBriefingDays));

        Then()
            .Do(ctx => Raise(ctx, NotBriefed(offender)));
    }

    private static Finding NotBriefed(OffenderCase o) => new(
        FindingKinds.NeighbourhoodNotBriefed,
        RuleNames.NeighbourhoodNotBriefed,
        Reasons.Later(
            (o.RiskLevel, o.NeighbourhoodId, o.BriefingReferenceDate, MovedIn: o.MovedIntoNeighbourhoodOn is not null, o.Policy.NeighbourhoodBriefingDays),
            static r => Reasons.Risk(r.RiskLevel) + " risk: in neighbourhood " + r.NeighbourhoodId + " since " + Reasons.Date(r.BriefingReferenceDate)
                + (r.MovedIn ? string.Empty : " (registration or release; no move-in date)")
                + "; no briefing to its team since; briefing was due within " + Reasons.Days(r.NeighbourhoodBriefingDays) + "."))
    {
        OffenderId = o.Id,
        ManagerId = o.ManagerId,
        TeamId = o.TeamId,
        NeighbourhoodId = o.NeighbourhoodId,
        Since = o.BriefingReferenceDate,
    };
}
