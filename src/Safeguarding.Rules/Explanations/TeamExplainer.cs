using System.Globalization;
using Safeguarding.Rules.Caseload;
using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Explanations;

/// <summary>Explains a team: the unit backlog rule, worked out with <c>Rules/Caseload/CaseloadMembership</c> over the team fact the rules saw.</summary>
internal sealed class TeamExplainer : SubjectExplainer
{
    private static readonly HashSet<string> TeamRules = new(StringComparer.Ordinal)
    {
        RuleNames.UnitBacklog,
    };

    public override ExplainSubjectKind Kind => ExplainSubjectKind.Team;

    public override string Name => "team";

    public override IReadOnlySet<string> Rules => TeamRules;

    /// <summary>A finding about a team names the team and no manager or offender (<c>UnitBacklog</c>).</summary>
    public override bool IsAbout(Finding finding, string id) => finding.OffenderId is null && finding.ManagerId is null && finding.TeamId == id;

    /// <summary>A team is listed in <c>teams</c>, or, when the snapshot has no <c>teams</c>, named by a manager's <c>teamId</c>.</summary>
    public override bool IsInSnapshot(CaseloadSnapshot snapshot, string id) =>
        snapshot.Teams is { } teams ? teams.Any(t => t?.Id == id) : snapshot.Managers.Any(m => m?.TeamId == id);

    public override IReadOnlyDictionary<string, RuleAccount> Accounts(ExplanationContext context, string id)
    {
        if (context.Team(id) is not { } team)
        {
            return Everyone("the team record was rejected, or none of its managers is valid, so it was not evaluated.");
        }

        var percent = team.Policy.Escalation.UnitBacklogPercent.ToString(CultureInfo.InvariantCulture) + "% (escalation.unitBacklogPercent)";
        if (team.Caseload == 0)
        {
            return new Dictionary<string, RuleAccount>(StringComparer.Ordinal)
            {
                [RuleNames.UnitBacklog] = new(false, "team " + id + "'s managers hold no offenders in the community (caseload 0), so there is no backlog against " + percent + "."),
            };
        }

        var overdue = context.OverdueVisitsOfTeam(id);
        var backlog = CaseloadMembership.IsUnitBacklog(overdue, team.Caseload, team.Policy.Escalation.UnitBacklogPercent);
        var share = (overdue * 100m / team.Caseload).ToString("0.##", CultureInfo.InvariantCulture);
        return new Dictionary<string, RuleAccount>(StringComparer.Ordinal)
        {
            [RuleNames.UnitBacklog] = new(
                backlog,
                "team " + id + " has " + Reasons.Count(overdue, "overdue visit") + " against a caseload of "
                + team.Caseload.ToString(CultureInfo.InvariantCulture) + ", " + share + "%, "
                + (backlog ? "above " : "not above ") + percent + "."),
        };
    }
}
