using System.Globalization;
using RulesEngine.Models;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;
using MsRulesEngine = RulesEngine.RulesEngine;

namespace Safeguarding.Rules.Benchmarks.Baselines;

/// <summary>
/// The same checks as the policy engine, written the way a .NET team would write them for Microsoft RulesEngine 6:
/// workflows of lambda-expression rules evaluated per record (<c>ExecuteAllRulesAsync</c>): one per offender, then one per
/// manager, then one per team with the team's overdue count taken from the offender results, then one per child-protection
/// record (discussion, action, detention, interview, police protection: contract section 6). Stateless: every evaluation
/// starts again from the snapshot.
/// </summary>
public sealed class RulesEngineBaseline
{
    /// <summary>The escalation rule whose success sends an overdue visit to the detective inspector.</summary>
    public const string EscalateToDetectiveInspector = nameof(EscalateToDetectiveInspector);

    /// <summary>The escalation rule whose success sends an overdue visit to the supervisor.</summary>
    public const string EscalateToSupervisor = nameof(EscalateToSupervisor);

    private const string OffenderWorkflow = "Offender";
    private const string ManagerWorkflow = "Manager";
    private const string TeamWorkflow = "Team";
    private const string DiscussionWorkflow = "Discussion";
    private const string ActionWorkflow = "Action";
    private const string DetentionWorkflow = "Detention";
    private const string InterviewWorkflow = "Interview";
    private const string ProtectionWorkflow = "Protection";

    /// <summary>The rule whose success sends an appropriate adult's delay to the inspector.</summary>
    public const string AppropriateAdultToInspector = nameof(AppropriateAdultToInspector);

    private readonly MsRulesEngine _engine;
    private readonly SafeguardingPolicy _policy;

    /// <summary>Builds the workflows from <paramref name="policy"/>'s numbers.</summary>
    /// <param name="policy">A valid policy.</param>
    public RulesEngineBaseline(SafeguardingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
        _engine = new MsRulesEngine(Workflows(policy), new ReSettings());
    }

    /// <summary>The workflows: offender, manager and team rules, with the policy's numbers in the expressions.</summary>
    /// <param name="policy">A valid policy.</param>
    /// <returns>The workflows.</returns>
    public static Workflow[] Workflows(SafeguardingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var escalation = policy.Escalation;
        var offender = new Workflow
        {
            WorkflowName = OffenderWorkflow,
            Rules =
            [
                Lambda(FindingKinds.VisitOverdue, "o.NeedsVisits && o.DaysOverdue > 0"),
                Lambda(FindingKinds.VisitDueSoon, I($"o.NeedsVisits && o.DaysOverdue <= 0 && o.DaysOverdue >= -{policy.DueSoonDays}")),
                Lambda(FindingKinds.RepeatedNoAccess, I($"o.NeedsVisits && o.NoAccessVisits >= {policy.RepeatedNoAccessVisits}")),
                Lambda(FindingKinds.ReactiveManagementIneligible, "o.ReactiveManagement && o.Risk != \"Low\""),
                Lambda(FindingKinds.Unallocated, "o.ManagerId == null"),
                Lambda(FindingKinds.RiskReviewOverdue, "!o.InCustody && o.DaysPastRiskReviewDue > 0"),
                Lambda(
                    FindingKinds.NeighbourhoodNotBriefed,
                    I($"!o.InCustody && o.NeighbourhoodId != null && o.DaysSinceBriefingReference > {policy.NeighbourhoodBriefingDays} && !o.BriefedSinceReference")),
                Lambda(
                    EscalateToDetectiveInspector,
                    I($"o.NeedsVisits && (o.DaysOverdue > {escalation.InspectorAfterDays} || ((o.Risk == \"High\" || o.Risk == \"VeryHigh\") && o.DaysOverdue > {escalation.HighRiskInspectorAfterDays}))")),
                Lambda(
                    EscalateToSupervisor,
                    I($"o.NeedsVisits && o.DaysOverdue > 0 && (o.DaysOverdue > {escalation.SupervisorAfterDays} || o.Risk == \"VeryHigh\" || o.NoAccessVisits >= {policy.RepeatedNoAccessVisits} || o.ManagerCaseload > {policy.Caseload.Critical})")),
            ],
        };
        var manager = new Workflow
        {
            WorkflowName = ManagerWorkflow,
            Rules =
            [
                Lambda(FindingKinds.CaseloadCritical, I($"m.Caseload > {policy.Caseload.Critical}")),
                Lambda(FindingKinds.CaseloadAboveTarget, I($"m.Caseload > {policy.Caseload.Target} && m.Caseload <= {policy.Caseload.Critical}")),
            ],
        };
        var team = new Workflow
        {
            WorkflowName = TeamWorkflow,
            Rules =
            [
                Lambda(FindingKinds.UnitBacklog, I($"t.OverdueVisits * 100m > {escalation.UnitBacklogPercent}m * t.Caseload")),
            ],
        };
        var cp = policy.ChildProtection;
        static Workflow Single(string name, params Rule[] rules) => new() { WorkflowName = name, Rules = rules };
        return
        [
            offender,
            manager,
            team,
            Single(DiscussionWorkflow, Lambda(FindingKinds.StrategyOutcomeNotRecorded, "!d.OutcomeRecorded && d.HasDueDate && d.DaysPastDue > 0")),
            Single(ActionWorkflow, Lambda(FindingKinds.StrategyActionOverdue, "a.Police && !a.Completed && a.DaysPastDue > 0")),
            Single(
                DetentionWorkflow,
                Lambda(FindingKinds.AppropriateAdultDelayed, I($"d.Juvenile && d.MinutesWaited > {cp.AppropriateAdultAlertMinutes}")),
                Lambda(AppropriateAdultToInspector, I($"d.Juvenile && d.MinutesWaited > {cp.AppropriateAdultInspectorMinutes}"))),
            Single(InterviewWorkflow, Lambda(FindingKinds.InterviewWithoutAppropriateAdult, "i.Juvenile && !i.AppropriateAdultPresent && !i.UrgentInterviewAuthorised")),
            Single(
                ProtectionWorkflow,
                Lambda(FindingKinds.PoliceProtectionExceeded, I($"p.MinutesInProtection > {(long)cp.PoliceProtectionMaxHours * 60}")),
                Lambda(FindingKinds.LocalAuthorityNotInformed, I($"p.MinutesToInform > {cp.LocalAuthorityInformMinutes}"))),
        ];
    }

    /// <summary>Evaluates a valid snapshot on the calling thread, one record after another.</summary>
    /// <param name="snapshot">A valid snapshot.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <returns>The findings.</returns>
    public async Task<RulesEngineOutcome> EvaluateAsync(CaseloadSnapshot snapshot, DateOnly asOf)
    {
        var inputs = RulesEngineInputs.Prepare(snapshot, asOf, _policy);
        var findings = new List<RulesEngineFinding>();
        foreach (var offender in inputs.Offenders)
        {
            await EvaluateOffenderAsync(offender, findings).ConfigureAwait(false);
        }

        await EvaluateManagersAndTeamsAsync(inputs, findings).ConfigureAwait(false);
        await EvaluateChildProtectionAsync(inputs, findings).ConfigureAwait(false);
        return new RulesEngineOutcome { Findings = findings };
    }

    /// <summary>Evaluates a valid snapshot with the offender records split over every core (<c>Parallel.ForEachAsync</c>).</summary>
    /// <param name="snapshot">A valid snapshot.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <returns>The findings.</returns>
    public async Task<RulesEngineOutcome> EvaluateParallelAsync(CaseloadSnapshot snapshot, DateOnly asOf)
    {
        var inputs = RulesEngineInputs.Prepare(snapshot, asOf, _policy);
        var offenders = inputs.Offenders;
        var chunks = Math.Max(1, Environment.ProcessorCount * 4);
        var chunkSize = (offenders.Count + chunks - 1) / chunks;
        var parts = new List<RulesEngineFinding>[chunks];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, chunks),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (chunk, _) =>
            {
                var part = new List<RulesEngineFinding>();
                var end = Math.Min(offenders.Count, (chunk + 1) * chunkSize);
                for (var i = chunk * chunkSize; i < end; i++)
                {
                    await EvaluateOffenderAsync(offenders[i], part).ConfigureAwait(false);
                }

                parts[chunk] = part;
            }).ConfigureAwait(false);

        var findings = new List<RulesEngineFinding>();
        foreach (var part in parts)
        {
            findings.AddRange(part);
        }

        await EvaluateManagersAndTeamsAsync(inputs, findings).ConfigureAwait(false);
        await EvaluateChildProtectionAsync(inputs, findings).ConfigureAwait(false);
        return new RulesEngineOutcome { Findings = findings };
    }

    /// <summary>
    /// Re-runs one offender's rules: what a team using Microsoft RulesEngine does when a visit is recorded or the offender
    /// is reassigned (it has no incremental mode). The caller prepares the offender's record again.
    /// </summary>
    /// <param name="offender">The offender's prepared record.</param>
    /// <returns>The offender's findings.</returns>
    public async Task<List<RulesEngineFinding>> EvaluateOffenderAsync(OffenderInput offender)
    {
        var findings = new List<RulesEngineFinding>();
        await EvaluateOffenderAsync(offender, findings).ConfigureAwait(false);
        return findings;
    }

    private async Task EvaluateOffenderAsync(OffenderInput offender, List<RulesEngineFinding> findings)
    {
        var results = await _engine.ExecuteAllRulesAsync(OffenderWorkflow, new RuleParameter("o", offender)).ConfigureAwait(false);
        var overdue = false;
        var inspector = false;
        var supervisor = false;
        foreach (var result in results)
        {
            ThrowIfFailed(result);
            if (!result.IsSuccess)
            {
                continue;
            }

            switch (result.Rule.RuleName)
            {
                case EscalateToDetectiveInspector:
                    inspector = true;
                    break;
                case EscalateToSupervisor:
                    supervisor = true;
                    break;
                case FindingKinds.VisitOverdue:
                    overdue = true;
                    break;
                default:
                    findings.Add(new RulesEngineFinding(result.Rule.RuleName, offender.Id, offender.TeamId, null));
                    break;
            }
        }

        if (overdue)
        {
            var level = inspector ? EscalationLevel.DetectiveInspector
                : supervisor ? EscalationLevel.Supervisor
                : EscalationLevel.OffenderManager;
            findings.Add(new RulesEngineFinding(FindingKinds.VisitOverdue, offender.Id, offender.TeamId, level));
        }
    }

    private async Task EvaluateManagersAndTeamsAsync(RulesEngineInputs inputs, List<RulesEngineFinding> findings)
    {
        foreach (var manager in inputs.Managers)
        {
            var results = await _engine.ExecuteAllRulesAsync(ManagerWorkflow, new RuleParameter("m", manager)).ConfigureAwait(false);
            AddSuccesses(results, manager.Id, manager.TeamId, findings);
        }

        // Per-team backlog from the offender workflow's overdue results.
        var overdueByTeam = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            if (finding.Kind == FindingKinds.VisitOverdue && finding.TeamId is { } teamId)
            {
                overdueByTeam[teamId] = overdueByTeam.GetValueOrDefault(teamId) + 1;
            }
        }

        var caseloadByTeam = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var manager in inputs.Managers)
        {
            if (manager.TeamId is { } teamId)
            {
                caseloadByTeam[teamId] = caseloadByTeam.GetValueOrDefault(teamId) + manager.Caseload;
            }
        }

        foreach (var teamId in inputs.TeamIds)
        {
            var team = new TeamInput { Id = teamId, Caseload = caseloadByTeam.GetValueOrDefault(teamId), OverdueVisits = overdueByTeam.GetValueOrDefault(teamId) };
            var results = await _engine.ExecuteAllRulesAsync(TeamWorkflow, new RuleParameter("t", team)).ConfigureAwait(false);
            AddSuccesses(results, team.Id, team.Id, findings);
        }
    }

    /// <summary>The child-protection records (contract section 6), one workflow per record type, on the calling thread (a few thousand records).</summary>
    private async Task EvaluateChildProtectionAsync(RulesEngineInputs inputs, List<RulesEngineFinding> findings)
    {
        foreach (var discussion in inputs.Discussions)
        {
            AddSuccesses(await _engine.ExecuteAllRulesAsync(DiscussionWorkflow, new RuleParameter("d", discussion)).ConfigureAwait(false), discussion.Id, discussion.TeamId, findings);
        }

        foreach (var action in inputs.Actions)
        {
            AddSuccesses(await _engine.ExecuteAllRulesAsync(ActionWorkflow, new RuleParameter("a", action)).ConfigureAwait(false), action.Id, action.TeamId, findings);
        }

        foreach (var detention in inputs.Detentions)
        {
            var results = await _engine.ExecuteAllRulesAsync(DetentionWorkflow, new RuleParameter("d", detention)).ConfigureAwait(false);
            bool delayed = false, inspector = false;
            foreach (var result in results)
            {
                ThrowIfFailed(result);
                delayed |= result.IsSuccess && result.Rule.RuleName == FindingKinds.AppropriateAdultDelayed;
                inspector |= result.IsSuccess && result.Rule.RuleName == AppropriateAdultToInspector;
            }

            if (delayed)
            {
                findings.Add(new RulesEngineFinding(FindingKinds.AppropriateAdultDelayed, detention.Id, null, inspector ? EscalationLevel.Inspector : EscalationLevel.Supervisor));
            }
        }

        foreach (var interview in inputs.Interviews)
        {
            AddSuccesses(await _engine.ExecuteAllRulesAsync(InterviewWorkflow, new RuleParameter("i", interview)).ConfigureAwait(false), interview.Id, null, findings);
        }

        foreach (var protection in inputs.Protections)
        {
            AddSuccesses(await _engine.ExecuteAllRulesAsync(ProtectionWorkflow, new RuleParameter("p", protection)).ConfigureAwait(false), protection.Id, protection.TeamId, findings);
        }
    }

    private static void AddSuccesses(List<RuleResultTree> results, string id, string? teamId, List<RulesEngineFinding> findings)
    {
        foreach (var result in results)
        {
            ThrowIfFailed(result);
            if (result.IsSuccess)
            {
                findings.Add(new RulesEngineFinding(result.Rule.RuleName, id, teamId, null));
            }
        }
    }

    private static void ThrowIfFailed(RuleResultTree result)
    {
        if (!string.IsNullOrEmpty(result.ExceptionMessage))
        {
            throw new InvalidOperationException("RulesEngine rule " + result.Rule.RuleName + " failed: " + result.ExceptionMessage);
        }
    }

    private static Rule Lambda(string name, string expression) => new()
    {
        RuleName = name,
        RuleExpressionType = RuleExpressionType.LambdaExpression,
        Expression = expression,
    };

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
