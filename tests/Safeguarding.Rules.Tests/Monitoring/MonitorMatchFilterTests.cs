using Safeguarding.Rules.ChildProtection;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Monitoring;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Synthetic;
using Safeguarding.Rules.Tests.Evaluation;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Tests.Monitoring;

/// <summary>
/// The monitor's sessions hold only the offender facts some rule can match (<see cref="MatchFilter"/>), as a full
/// evaluation's do: a fact goes in when it comes to match (a new day, a visit, a reassignment) and out when it stops,
/// with the findings always those of a full evaluation; with a host rule that aggregates offenders, every offender is in.
/// </summary>
public sealed class MonitorMatchFilterTests
{
    private static readonly DateOnly AsOf = new(2018, 5, 1);

    private static readonly HashSet<string> None = [];

    private static readonly SafeguardingEngine Engine = new(new SafeguardingRulesOptions());

    [Fact]
    public void Apply_OffenderComingToMatchAndBack_EntersAndLeavesItsSessionAndMatchesFullEvaluation()
    {
        // RSO-1 was registered yesterday (nothing due, no rule matches it); RSO-2 is overdue throughout.
        var offenders = new List<Offender> { Offender("RSO-1", AsOf.AddDays(-1)), Offender("RSO-2", AsOf.AddDays(-60)) };
        var visits = new List<Visit>();
        var asOf = AsOf;
        var monitor = SafeguardingMonitor.Load(Engine, Snapshot(offenders, visits)).Monitor!;
        InSession(monitor, "RSO-1").Should().BeFalse("no rule can match an offender with nothing due");
        InSession(monitor, "RSO-2").Should().BeTrue();
        monitor.Current.Findings.Should().Equal(Full(offenders, visits, asOf));

        // A new day 40 days on: RSO-1's first visit is overdue, so its fact now matches and must be inserted.
        asOf = AsOf.AddDays(40);
        var raised = monitor.Apply(new AsOfAdvanced(asOf));
        raised.Findings.Select(static f => f.Id).Should().Contain("VisitOverdue:RSO-1");
        InSession(monitor, "RSO-1").Should().BeTrue();
        monitor.Current.Findings.Should().Equal(Full(offenders, visits, asOf));

        // A completed visit today: nothing due again, so its fact leaves the session and the finding clears.
        var visit = new Visit { OffenderId = "RSO-1", Date = asOf, Outcome = VisitOutcome.Completed };
        visits.Add(visit);
        var cleared = monitor.Apply(new VisitRecorded(visit));
        cleared.ClearedFindings.Select(static f => f.Id).Should().Contain("VisitOverdue:RSO-1");
        InSession(monitor, "RSO-1").Should().BeFalse();
        monitor.Current.Findings.Should().Equal(Full(offenders, visits, asOf));

        // Unallocated (a rule matches it), then back with its manager (none does).
        offenders[0] = offenders[0] with { ManagerId = null };
        monitor.Apply(new OffenderReassigned("RSO-1", null)).Findings.Select(static f => f.Id).Should().Contain("Unallocated:RSO-1");
        InSession(monitor, "RSO-1").Should().BeTrue();
        monitor.Current.Findings.Should().Equal(Full(offenders, visits, asOf));

        offenders[0] = offenders[0] with { ManagerId = "OM-1" };
        monitor.Apply(new OffenderReassigned("RSO-1", "OM-1")).ClearedFindings.Select(static f => f.Id).Should().Contain("Unallocated:RSO-1");
        InSession(monitor, "RSO-1").Should().BeFalse();
        monitor.Current.Findings.Should().Equal(Full(offenders, visits, asOf));

        // A later new day makes it overdue again (a fact refreshed while out of its session goes back in).
        asOf = asOf.AddDays(200);
        monitor.Apply(new AsOfAdvanced(asOf)).Findings.Select(static f => f.Id).Should().Contain("VisitOverdue:RSO-1");
        InSession(monitor, "RSO-1").Should().BeTrue();
        monitor.Current.Findings.Should().Equal(Full(offenders, visits, asOf));
    }

    [Fact]
    public void AdvanceAsOf_GeneratedCaseload_SessionsHoldExactlyTheOffenderFactsThatCanMatch()
    {
        var snapshot = SyntheticCaseload.Generate(2000, seed: 41);
        var monitor = SafeguardingMonitor.Load(Engine, snapshot).Monitor!;
        var test = Engine.Compiled.Filter.For(typeof(OffenderCase))!;

        for (var day = 0; day < 3; day++)
        {
            var held = OffenderFactsInSessions(monitor.State);
            var facts = monitor.State.Sessions().SelectMany(static p => p.Session.Query<OffenderCase>()).ToList();
            facts.Should().OnlyContain(f => test(f));
            held.Should().BeGreaterThan(0).And.BeLessThan(monitor.Current.Summary.Evaluated / 2, "most generated offenders match no rule");
            monitor.Apply(new AsOfAdvanced(monitor.AsOf.AddDays(10)));
            monitor.Current.Findings.Should().Equal(Engine.Evaluate(snapshot, new EvaluationOptions { AsOf = monitor.AsOf }).Findings);
        }
    }

    [Fact]
    public void Load_HostRuleAggregatingOffenders_EverySessionHoldsEveryOffender()
    {
        // The monitor refuses host rules through its API; its state is built here from rules with one, to show that a type a
        // rule aggregates is never filtered: the sessions hold every evaluated offender, before and after a new day.
        var snapshot = SyntheticCaseload.Generate(1000, seed: 42);
        var rules = CompiledRules.Compile([typeof(MatchFilterTests.CountOffendersRule)], None, None, null);
        var policy = new PolicyView(new SafeguardingPolicy());
        var owners = new RecordOwners(snapshot.Visits.Count, snapshot.Briefings.Count);
        var validated = SnapshotValidator.Validate(SnapshotReadResult.FromCode(snapshot), 1, owners, policy);
        var state = MonitorState.Load(rules, policy, 1, new SafeguardingRulesOptions().PartitionSize, validated, snapshot.AsOf!.Value, AsOfInstant.EndOf(snapshot.AsOf!.Value), owners);
        var evaluated = state.Report(false).Summary.Evaluated;

        OffenderFactsInSessions(state).Should().Be(evaluated);
        state.AdvanceAsOf(snapshot.AsOf!.Value.AddDays(30));
        state.Finish();
        OffenderFactsInSessions(state).Should().Be(state.Report(false).Summary.Evaluated);
    }

    private static int OffenderFactsInSessions(MonitorState state) => state.Sessions().Sum(static p => p.Session.Query<OffenderCase>().Count());

    private static bool InSession(SafeguardingMonitor monitor, string offenderId) =>
        monitor.State.Sessions().Any(p => p.Session.Query<OffenderCase>().Any(o => o.Id == offenderId));

    private static IReadOnlyList<Finding> Full(List<Offender> offenders, List<Visit> visits, DateOnly asOf) =>
        Engine.Evaluate(Snapshot(offenders, visits), new EvaluationOptions { AsOf = asOf }).Findings;

    private static CaseloadSnapshot Snapshot(List<Offender> offenders, List<Visit> visits) => new()
    {
        AsOf = AsOf,
        Teams = [new Team { Id = "T-1" }],
        Managers = [new Manager { Id = "OM-1", TeamId = "T-1" }],
        Offenders = [.. offenders],
        Visits = [.. visits],
    };

    private static Offender Offender(string id, DateOnly registered) => new()
    {
        Id = id,
        ManagerId = "OM-1",
        RiskLevel = RiskLevel.Medium,
        RegisteredOn = registered,
        RiskAssessedOn = AsOf.AddDays(-10),
    };
}
