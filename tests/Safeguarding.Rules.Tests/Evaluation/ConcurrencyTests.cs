using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Tests.Evaluation;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Evaluate_OneSnapshotOnManyThreadsAtOnce_GivesIdenticalReports()
    {
        var engine = new SafeguardingEngine(new SafeguardingRulesOptions { PartitionSize = 500 });
        var snapshot = SyntheticCaseload.Generate(3000, seed: 7);
        var expected = engine.Evaluate(snapshot, new EvaluationOptions { AsOf = new DateOnly(2018, 5, 1) });
        expected.Findings.Should().NotBeEmpty();

        var reports = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
            engine.Evaluate(snapshot, new EvaluationOptions { AsOf = new DateOnly(2018, 5, 1) }))));

        foreach (var report in reports)
        {
            report.Findings.Should().Equal(expected.Findings);
            report.Summary.Should().BeEquivalentTo(expected.Summary);
        }
    }

    [Fact]
    public void Evaluate_PartitionedOrNot_GivesTheSameFindings()
    {
        var snapshot = SyntheticCaseload.Generate(3000, seed: 11);
        var whole = new SafeguardingEngine(new SafeguardingRulesOptions { PartitionSize = int.MaxValue, MaxDegreeOfParallelism = 1 });
        var parts = new SafeguardingEngine(new SafeguardingRulesOptions { PartitionSize = 100 });

        parts.Evaluate(snapshot).Findings.Should().Equal(whole.Evaluate(snapshot).Findings);
    }
}
