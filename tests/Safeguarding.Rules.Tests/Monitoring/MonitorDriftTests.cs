using System.Globalization;
using CsCheck;
using Safeguarding.Rules.Changes;
using Safeguarding.Rules.Monitoring;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Tests.Monitoring;

/// <summary>
/// The monitor never drifts from a full evaluation: random sequences of hundreds of changes over generated caseloads,
/// and after each change the monitor's report equals a full evaluation of the snapshot with the same changes applied,
/// and the changes it returned equal the section 7 comparison of the two full reports (less the unchanged findings).
/// On failure the message names the seed (replay with the environment variable CsCheck_Seed), the step and the change.
/// </summary>
public sealed class MonitorDriftTests
{
    private const int Cases = 4;
    private const int Steps = 200;

    /// <summary>
    /// Caseload thresholds near the generated managers' caseloads, so reassignments make managers critical and not, and a
    /// backlog threshold near the generated overdue rate, so teams go in and out of backlog.
    /// </summary>
    private static readonly SafeguardingEngine Engine = new(new SafeguardingRulesOptions
    {
        Policy = new SafeguardingPolicy
        {
            Version = "drift",
            Caseload = new CaseloadPolicy { Target = 18, Critical = 22 },
            Escalation = new EscalationPolicy { UnitBacklogPercent = 6 },
        },
    });

    [Fact]
    public void Apply_RandomChangeSequences_MatchesFullEvaluationAfterEveryChange()
    {
        Gen.Select(Gen.ULong, Gen.Int[200, 500], Gen.Bool)
            .Sample((seed, offenders, listTeams) => Drive(seed, offenders, listTeams), iter: Math.Max(Cases, Check.Iter), threads: 1, print: static c => c.ToString());
    }

    private static void Drive(ulong seed, int offenders, bool listTeams)
    {
        var generated = new CaseloadGenerator(new SyntheticCaseloadOptions { Offenders = offenders, Seed = seed, OffendersPerManager = 20, ManagersPerTeam = 3 }).Generate();
        var snapshot = listTeams ? generated : new Domain.CaseloadSnapshot
        {
            AsOf = generated.AsOf,
            Managers = generated.Managers,
            Offenders = generated.Offenders,
            Visits = generated.Visits,
            Briefings = generated.Briefings,
        };
        var asOf = snapshot.AsOf!.Value;
        var loaded = SafeguardingMonitor.Load(Engine, snapshot);
        loaded.Problems.Should().BeEmpty();
        var monitor = loaded.Monitor!;
        var model = new MonitorModel(snapshot, asOf);
        var previous = Evaluate(model);
        AssertSameReport(monitor.Current, previous, $"seed {seed}, after loading");

        var changes = new ChangeGenerator(new Random(unchecked((int)seed)), model);
        for (var step = 0; step < Steps; step++)
        {
            var (change, valid) = changes.Next();
            var context = $"seed {seed}, {offenders} offenders, teams listed {listTeams}, step {step.ToString(CultureInfo.InvariantCulture)}: {change}";
            var result = monitor.Apply(change);
            result.IsAccepted.Should().Be(valid, "{0}; problems: {1}", context, string.Join("; ", result.Problems));
            if (!valid)
            {
                result.Problems.Should().NotBeEmpty();
                result.Findings.Should().BeEmpty();
                result.ClearedFindings.Should().BeEmpty();
                if (!monitor.Current.Findings.SequenceEqual(previous.Findings))
                {
                    monitor.Current.Findings.Should().Equal(previous.Findings, "a rejected change changes nothing ({0})", context);
                }

                continue;
            }

            model.Apply(change);
            var full = Evaluate(model);
            AssertSameReport(monitor.Current, full, context);
            AssertSameChanges(result, FindingChanges.Compare(full, previous), context);
            previous = full;
        }
    }

    private static EvaluationReport Evaluate(MonitorModel model)
    {
        var report = Engine.Evaluate(model.Snapshot(), new EvaluationOptions { AsOf = model.AsOf });
        report.IsEvaluated.Should().BeTrue(string.Join("; ", report.Problems));
        return report;
    }

    /// <summary>Cheap comparisons first (this runs after every change); the assertion library only to explain a difference.</summary>
    private static void AssertSameReport(EvaluationReport monitor, EvaluationReport full, string context)
    {
        monitor.AsOf.Should().Be(full.AsOf, context);
        monitor.PolicyVersion.Should().Be(full.PolicyVersion, context);
        if (!monitor.Findings.SequenceEqual(full.Findings))
        {
            monitor.Findings.Should().Equal(full.Findings, context);
        }

        if (SummaryText(monitor.Summary) != SummaryText(full.Summary))
        {
            monitor.Summary.Should().BeEquivalentTo(full.Summary, context);
        }

        if (!monitor.FiredRules.SetEquals(full.FiredRules))
        {
            monitor.FiredRules.Should().BeEquivalentTo(full.FiredRules, context);
        }
    }

    private static string SummaryText(EvaluationSummary summary) => string.Join(
        ";",
        summary.Offenders,
        summary.Evaluated,
        summary.Rejected,
        summary.NotYetRegistered,
        string.Join(",", summary.FindingsByKind.Select(static k => k.Key + "=" + k.Value)),
        string.Join(",", summary.Escalations.Select(static k => k.Key + "=" + k.Value)),
        string.Join(",", summary.Outcomes.VisitedWithinPolicyPercent.Select(static k => k.Key + "=" + k.Value.ToString(CultureInfo.InvariantCulture))),
        summary.Outcomes.MedianDaysOverdue?.ToString(CultureInfo.InvariantCulture),
        summary.Outcomes.MaxDaysOverdue);

    private static void AssertSameChanges(MonitorResult result, ChangeReport expected, string context)
    {
        var changed = expected.Current.Select((finding, i) => (Finding: finding, Change: expected.Changes[i]))
            .Where(static c => c.Change != ChangeKind.Unchanged)
            .ToList();
        if (!result.Findings.SequenceEqual(changed.Select(static c => c.Finding)) || !result.Changes.SequenceEqual(changed.Select(static c => c.Change)))
        {
            result.Findings.Should().Equal(changed.Select(static c => c.Finding), context);
            result.Changes.Should().Equal(changed.Select(static c => c.Change), context);
        }

        if (!result.ClearedFindings.SequenceEqual(expected.ClearedFindings))
        {
            result.ClearedFindings.Should().Equal(expected.ClearedFindings, context);
        }

        (result.Raised, result.Escalated, result.Changed, result.Cleared).Should().Be((expected.Raised, expected.Escalated, expected.Changed, expected.Cleared), context);
    }
}
