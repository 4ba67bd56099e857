using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Testing.Scenarios;
using Safeguarding.Rules.Testing.Tests.Support;

namespace Safeguarding.Rules.Testing.Tests.Scenarios;

/// <summary>A cancelled token stops a scenario run before its evaluation and a folder run before its next file.</summary>
public sealed class ScenarioRunnerCancellationTests
{
    // RSO-1 is Medium (interval 182) and last visited 190 days before 2018-05-01: due 2018-04-23, 8 days overdue, OffenderManager.
    private const string Overdue8 = "  - { kind: VisitOverdue, offender: RSO-1, dueOn: 2018-04-23, daysOverdue: 8, escalateTo: OffenderManager }";

    [Fact]
    public void Run_PreCancelledToken_ThrowsWithoutEvaluating()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        var evaluator = new CancelAfterEachEvaluation(new SafeguardingEngine(), source);

        var run = () => new ScenarioRunner(evaluator).Run(Yaml.Valid(Yaml.OneOffender(190, Overdue8)), source.Token);

        run.Should().Throw<OperationCanceledException>();
        evaluator.Calls.Should().Be(0);
    }

    [Fact]
    public void RunFolder_TokenCancelledDuringTheFirstFile_StopsBeforeTheNextFile()
    {
        using var folder = new TempFolder()
            .With("a.yaml", Yaml.OneOffender(190, Overdue8))
            .With("b.yaml", Yaml.OneOffender(190, Overdue8))
            .With("c.yaml", Yaml.OneOffender(190, Overdue8));
        using var source = new CancellationTokenSource();
        var evaluator = new CancelAfterEachEvaluation(new SafeguardingEngine(), source);

        var run = () => new ScenarioRunner(evaluator).RunFolder(folder.Path, source.Token);

        run.Should().Throw<OperationCanceledException>();
        evaluator.Calls.Should().Be(1);
    }

    [Fact]
    public void RunFolder_TokenNeverCancelled_RunsEveryFile()
    {
        using var folder = new TempFolder()
            .With("a.yaml", Yaml.OneOffender(190, Overdue8))
            .With("b.yaml", Yaml.OneOffender(190, Overdue8));
        using var source = new CancellationTokenSource();

        var suite = new ScenarioRunner().RunFolder(folder.Path, source.Token);

        suite.AllPassed.Should().BeTrue();
        suite.PassedCount.Should().Be(2);
    }

    /// <summary>Evaluates with the engine, then cancels the token.</summary>
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
