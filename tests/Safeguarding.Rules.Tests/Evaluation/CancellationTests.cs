using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using NRules.Fluent.Dsl;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Impact;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Tests.Evaluation;

/// <summary>
/// A cancelled token stops an evaluation before it starts and between partitions (sessions of whole teams): with a
/// partition size of 1 every team is a partition of its own, so a token cancelled from a host rule's action in the
/// first team stops the evaluation before the second.
/// </summary>
public sealed class CancellationTests
{
    /// <summary>600 offenders in teams of one manager of 20: about 30 teams, so about 30 partitions of size 1.</summary>
    private static readonly Lazy<CaseloadSnapshot> Force = new(() => SyntheticCaseload.Generate(new SyntheticCaseloadOptions
    {
        Offenders = 600,
        Seed = 3,
        OffendersPerManager = 20,
        ManagersPerTeam = 1,
    }));

    [Fact]
    public void Evaluate_PreCancelledToken_ThrowsOperationCanceledException()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var engine = new SafeguardingEngine();

        var evaluate = () => engine.Evaluate(Force.Value, null, cancelled.Token);

        evaluate.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Evaluate_TokenCancelledByAHostRuleInTheFirstPartition_StopsBeforeTheNextPartition()
    {
        var canceller = new Canceller();
        var engine = Engine(canceller, maxDegreeOfParallelism: 1);
        var teams = Force.Value.Managers.Select(m => m.TeamId).Distinct().Count();
        teams.Should().BeGreaterThan(10, "the test needs many partitions");

        var evaluate = () => engine.Evaluate(Force.Value, null, canceller.Source.Token);

        evaluate.Should().Throw<OperationCanceledException>();
        canceller.TeamsSeen.Distinct().Should().ContainSingle("the partitions after the one that cancelled never ran");
    }

    [Fact]
    public void Evaluate_TokenCancelledMidRunWithParallelPartitions_ThrowsAndSkipsTheRest()
    {
        var canceller = new Canceller();
        var engine = Engine(canceller, maxDegreeOfParallelism: 2);
        var teams = Force.Value.Managers.Select(m => m.TeamId).Distinct().Count();

        var evaluate = () => engine.Evaluate(Force.Value, null, canceller.Source.Token);

        evaluate.Should().Throw<OperationCanceledException>();
        canceller.TeamsSeen.Distinct().Count().Should().BeLessThan(teams);
    }

    [Fact]
    public void Evaluate_TokenNeverCancelled_GivesTheSameReportAsWithoutAToken()
    {
        var engine = new SafeguardingEngine();
        using var source = new CancellationTokenSource();

        var withToken = engine.Evaluate(Force.Value, null, source.Token);

        withToken.Findings.Should().NotBeEmpty().And.Equal(engine.Evaluate(Force.Value).Findings);
    }

    [Fact]
    public void PolicyImpactCompare_TokenCancelledAfterTheBaseline_DoesNotStartTheProposedEvaluation()
    {
        using var source = new CancellationTokenSource();
        var evaluator = new CancelAfterEachEvaluation(new SafeguardingEngine(), source);

        var compare = () => PolicyImpact.Compare(evaluator, Force.Value, new SafeguardingPolicy { Version = "proposed" }, cancellationToken: source.Token);

        compare.Should().Throw<OperationCanceledException>();
        evaluator.Calls.Should().Be(1);
    }

    [Fact]
    public void PolicyImpactCompare_PreCancelledToken_Throws()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();

        var compare = () => PolicyImpact.Compare(new SafeguardingEngine(), Force.Value, new SafeguardingPolicy(), cancellationToken: source.Token);

        compare.Should().Throw<OperationCanceledException>();
    }

    private static SafeguardingEngine Engine(Canceller canceller, int maxDegreeOfParallelism)
    {
        var options = new SafeguardingRulesOptions { PartitionSize = 1, MaxDegreeOfParallelism = maxDegreeOfParallelism };
        options.RuleTypes.Add(typeof(CancelOnFirstOffenderRule));
        var services = new ServiceCollection().AddSingleton(canceller).BuildServiceProvider();
        return new SafeguardingEngine(options, services);
    }

    public sealed class Canceller
    {
        public CancellationTokenSource Source { get; } = new();

        public ConcurrentQueue<string?> TeamsSeen { get; } = new();

        public void Saw(OffenderCase offender)
        {
            TeamsSeen.Enqueue(offender.TeamId);
            Source.Cancel();
        }
    }

    /// <summary>A host rule whose action cancels the evaluation's token at the first offender it sees.</summary>
    [Name("CancelOnFirstOffender")]
    public sealed class CancelOnFirstOffenderRule : Rule
    {
        public override void Define()
        {
            OffenderCase offender = null!;

            When()
                .Match(() => offender);

            Then()
                .Do(ctx => ctx.Resolve<Canceller>().Saw(offender));
        }
    }

    /// <summary>Evaluates with the engine, then cancels the token: a caller that checks between evaluations stops there.</summary>
    private sealed class CancelAfterEachEvaluation(ISafeguardingEvaluator inner, CancellationTokenSource source) : ISafeguardingEvaluator
    {
        public int Calls { get; private set; }

        public IReadOnlyList<RuleInfo> Rules => inner.Rules;

        public EvaluationReport Evaluate(CaseloadSnapshot snapshot, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            var report = inner.Evaluate(snapshot, options, cancellationToken);
            source.Cancel();
            return report;
        }

        public EvaluationReport Evaluate(SnapshotReadResult input, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            var report = inner.Evaluate(input, options, cancellationToken);
            source.Cancel();
            return report;
        }
    }
}
