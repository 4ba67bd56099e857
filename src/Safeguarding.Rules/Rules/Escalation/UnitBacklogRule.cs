using System.Globalization;
using NRules.Fluent.Dsl;
using Safeguarding.Rules.Caseload;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Escalation;

/// <summary>A team whose overdue visits exceed the backlog percentage of its caseload goes to the head of unit.</summary>
[Name(RuleNames.UnitBacklog)]
[Description("A team has a unit backlog when its overdue visits are more than {escalation.unitBacklogPercent}% (escalation.unitBacklogPercent) of the sum of its managers' caseloads.")]
[Tag(RuleTags.Escalation)]
[FindingKind(FindingKinds.UnitBacklog)]
[Priority(-10)] // After every VisitOverdue has fired, so each team's backlog is concluded once, not once per overdue visit.
internal sealed class UnitBacklogRule : BuiltInRule
{
    public override void Define()
    {
        IGrouping<string, OverdueVisit> overdue = null!;
        TeamCase team = null!;

        // The overdue visits grouped by team first, then each group joined to its team: the grouping does not depend
        // on the team fact, so a change to a team's caseload re-checks one pair instead of re-collecting the team's
        // overdue visits (the live monitor changes caseloads on every reassignment).
        When()
            .Query(() => overdue, q => q
                .Match<OverdueVisit>(v => v.TeamId != null)
                .GroupBy(v => v.TeamId!))
            .Match(
                () => team,
                t => t.Id == overdue.Key,
                t => Holds(overdue.Count(), t));

        Then()
            .Do(ctx => Raise(ctx, Backlog(team, overdue.Count())));
    }

    /// <summary>
    /// Whether a team with <paramref name="overdueVisits"/> overdue visits has a unit backlog at its caseload; also what the
    /// live monitor checks before and after a caseload change to tell whether the change can raise or clear the finding.
    /// </summary>
    internal static bool Holds(int overdueVisits, TeamCase team) =>
        team.Caseload > 0 && CaseloadMembership.IsUnitBacklog(overdueVisits, team.Caseload, team.Policy.Escalation.UnitBacklogPercent);

    /// <summary>
    /// The finding this rule raises for <paramref name="team"/>; also what the live monitor refreshes a team's backlog to
    /// when only the caseload in it changed.
    /// </summary>
    internal static Finding Backlog(TeamCase team, int overdue) => new()
    {
        Kind = FindingKinds.UnitBacklog,
        Rule = RuleNames.UnitBacklog,
        Reason = "Team " + team.Id + ": " + Reasons.Count(overdue, "overdue visit") + " against a caseload of "
            + team.Caseload.ToString(CultureInfo.InvariantCulture) + " is "
            + (overdue * 100m / team.Caseload).ToString("0.##", CultureInfo.InvariantCulture) + "%, above the "
            + team.Policy.Escalation.UnitBacklogPercent.ToString(CultureInfo.InvariantCulture) + "% backlog threshold; escalated to the head of unit.",
        TeamId = team.Id,
        OverdueVisits = overdue,
        Caseload = team.Caseload,
    };
}
