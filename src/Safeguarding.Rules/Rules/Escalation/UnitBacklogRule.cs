using System.Globalization;
using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Escalation;

/// <summary>A team whose overdue visits exceed the backlog percentage of its caseload goes to the head of unit.</summary>
[Name(RuleNames.UnitBacklog)]
[Description("A team has a unit backlog when its overdue visits are more than 5% (escalation.unitBacklogPercent) of the sum of its managers' caseloads.")]
[Tag(RuleTags.Escalation)]
[Priority(-10)] // After every VisitOverdue has fired, so each team's backlog is concluded once, not once per overdue visit.
internal sealed class UnitBacklogRule : Rule
{
    public override void Define()
    {
        TeamCase team = null!;
        IEnumerable<OverdueVisit> overdue = null!;

        When()
            .Match(() => team, t => t.Caseload > 0)
            .Query(() => overdue, q => q
                .Match<OverdueVisit>(v => v.TeamId == team.Id)
                .Collect()
                .Where(c => c.Count() * 100m > team.Policy.Escalation.UnitBacklogPercent * team.Caseload));

        Then()
            .Do(ctx => FindingOutput.Raise(ctx, Backlog(team, overdue.Count())));
    }

    private static Finding Backlog(TeamCase team, int overdue) => new()
    {
        Kind = FindingKinds.UnitBacklog,
        Rule = RuleNames.UnitBacklog,
        Reason = "Team " + team.Id + ": " + overdue.ToString(CultureInfo.InvariantCulture) + " overdue visits against a caseload of "
            + team.Caseload.ToString(CultureInfo.InvariantCulture) + " is "
            + (overdue * 100m / team.Caseload).ToString("0.##", CultureInfo.InvariantCulture) + "%, above the "
            + team.Policy.Escalation.UnitBacklogPercent.ToString(CultureInfo.InvariantCulture) + "% backlog threshold; escalated to the head of unit.",
        TeamId = team.Id,
        OverdueVisits = overdue,
        Caseload = team.Caseload,
    };
}
