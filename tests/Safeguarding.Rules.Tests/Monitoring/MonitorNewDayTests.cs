using System.Globalization;
using Safeguarding.Rules.Changes;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Monitoring;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Tests.Monitoring;

/// <summary>
/// A new day leaves out of the sessions the offender facts whose matches it cannot change and refreshes their
/// day-counting findings itself (<c>SteadyOffenders</c>); these walk a small caseload one day at a time across every
/// date boundary a rule tests, and check each day against a full evaluation of that day.
/// </summary>
public sealed class MonitorNewDayTests
{
    private static readonly DateOnly AsOf = new(2018, 5, 1);

    private static readonly SafeguardingPolicy Policy = new()
    {
        FirstVisitDays = 10,
        DueSoonDays = 3,
        RepeatedNoAccessVisits = 2,
        RiskReviewDays = 30,
        InitialAssessmentDays = 20,
        NeighbourhoodBriefingDays = 6,
        Caseload = new CaseloadPolicy { Target = 1, Critical = 2 },
        Escalation = new EscalationPolicy { SupervisorAfterDays = 5, InspectorAfterDays = 12, HighRiskInspectorAfterDays = 8 },
    };

    /// <param name="supervisorRuleOff">
    /// Whether <c>EscalateToSupervisor</c> is switched off: then a manager becoming critical clears its offenders' overdue
    /// findings that stayed with the manager instead of escalating them, which only the manager's change tells.
    /// </param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Apply_OneDayAtATimeAcrossEveryDateBoundary_MatchesFullEvaluationEachDay(bool supervisorRuleOff)
    {
        var options = new SafeguardingRulesOptions { Policy = Policy };
        if (supervisorRuleOff)
        {
            options.DisabledRules.Add(RuleNames.EscalateToSupervisor);
        }

        var engine = new SafeguardingEngine(options);

        // RSO-1: first visit due day 5 (due soon from day 2, overdue from day 6, to the supervisor after day 10 and to the
        // inspector after day 17), risk review due day 5, neighbourhood briefing due after day 4 and given on day 8; its
        // manager OM-1 becomes critical on day 7, when RSO-4 registers (a boundary crossed by the manager, not the offender).
        // RSO-2: a completed visit on day 9, then no access on days 12 and 13 (repeated no access, to the supervisor).
        // RSO-3 registers on day 4; RSO-5 is released on day 3 (its first visit then due on day 13) and assessed on day 20;
        // RSO-6 is unallocated and RSO-7 ineligible for reactive management, neither of which counts days.
        var snapshot = new CaseloadSnapshot
        {
            AsOf = AsOf,
            Teams = [new Team { Id = "T-1" }, new Team { Id = "T-2" }],
            Managers = [new Manager { Id = "OM-1", TeamId = "T-1" }, new Manager { Id = "OM-2", TeamId = "T-2" }],
            Offenders =
            [
                Offender("RSO-1", "OM-1", RiskLevel.Medium, registered: -5) with { RiskAssessedOn = AsOf.AddDays(-25), NeighbourhoodId = "NPT-1", MovedIntoNeighbourhoodOn = AsOf.AddDays(-2) },
                Offender("RSO-2", "OM-1", RiskLevel.High, registered: -30) with { VisitIntervalDays = 7 },
                Offender("RSO-3", "OM-2", RiskLevel.Low, registered: 4),
                Offender("RSO-4", "OM-1", RiskLevel.Low, registered: 7),
                Offender("RSO-5", "OM-2", RiskLevel.VeryHigh, registered: -100) with { ReleasedOn = AsOf.AddDays(3), RiskAssessedOn = AsOf.AddDays(20) },
                Offender("RSO-6", null, RiskLevel.Medium, registered: -60),
                Offender("RSO-7", "OM-2", RiskLevel.High, registered: -60) with { ReactiveManagement = true },
            ],
            Visits =
            [
                Visit("RSO-2", -3, VisitOutcome.Completed),
                Visit("RSO-2", 9, VisitOutcome.Completed),
                Visit("RSO-2", 12, VisitOutcome.NoAccess),
                Visit("RSO-2", 13, VisitOutcome.NoAccess),
                Visit("RSO-5", -50, VisitOutcome.Completed),
            ],
            Briefings = [new Briefing { OffenderId = "RSO-1", NeighbourhoodId = "NPT-1", Date = AsOf.AddDays(8) }],
        };
        var monitor = SafeguardingMonitor.Load(engine, snapshot).Monitor!;
        var previous = engine.Evaluate(snapshot, new EvaluationOptions { AsOf = AsOf });
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        var escalations = new HashSet<EscalationLevel>();

        for (var day = 1; day <= 40; day++)
        {
            var asOf = AsOf.AddDays(day);
            var context = "day " + day.ToString(CultureInfo.InvariantCulture);

            var result = monitor.Apply(new AsOfAdvanced(asOf));

            result.IsAccepted.Should().BeTrue(context);
            var full = engine.Evaluate(snapshot, new EvaluationOptions { AsOf = asOf });
            monitor.Current.Findings.Should().Equal(full.Findings, context);
            var expected = FindingChanges.Compare(full, previous);
            var changed = expected.Current.Select((finding, i) => (Finding: finding, Change: expected.Changes[i])).Where(static c => c.Change != ChangeKind.Unchanged).ToList();
            result.Findings.Should().Equal(changed.Select(static c => c.Finding), context);
            result.Changes.Should().Equal(changed.Select(static c => c.Change), context);
            result.ClearedFindings.Should().Equal(expected.ClearedFindings, context);
            kinds.UnionWith(full.Findings.Select(static f => f.Kind));
            escalations.UnionWith(full.Findings.Where(static f => f.EscalateTo is not null).Select(static f => f.EscalateTo!.Value));
            previous = full;
        }

        // The walk went through every kind an offender can have and every escalation level.
        kinds.Should().Contain([FindingKinds.VisitDueSoon, FindingKinds.VisitOverdue, FindingKinds.RiskReviewOverdue, FindingKinds.NeighbourhoodNotBriefed, FindingKinds.RepeatedNoAccess, FindingKinds.Unallocated, FindingKinds.ReactiveManagementIneligible, FindingKinds.CaseloadCritical]);
        escalations.Should().Contain(supervisorRuleOff ? [EscalationLevel.OffenderManager, EscalationLevel.DetectiveInspector] : [EscalationLevel.OffenderManager, EscalationLevel.Supervisor, EscalationLevel.DetectiveInspector]);
    }

    private static Offender Offender(string id, string? managerId, RiskLevel risk, int registered) => new()
    {
        Id = id,
        ManagerId = managerId,
        RiskLevel = risk,
        RegisteredOn = AsOf.AddDays(registered),
    };

    private static Visit Visit(string offenderId, int day, VisitOutcome outcome) => new() { OffenderId = offenderId, Date = AsOf.AddDays(day), Outcome = outcome };
}
