using CsCheck;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.TestSupport.Oracle;

namespace Safeguarding.Rules.Tests.Differential;

/// <summary>
/// The engine against the oracle on thousands of small random caseloads and policies that sit on the contract's
/// boundaries. On failure CsCheck shrinks the case and prints it as contract JSON, with the seed to replay it
/// (set the environment variable CsCheck_Seed); the assertion message lists the differing findings and figures.
/// CsCheck_Iter raises the number of cases (e.g. CsCheck_Iter=200000 for a long hunt); it never lowers it.
/// </summary>
public sealed class EngineMatchesOracleTests
{
    private const int DefaultCases = 10_000;

    [Fact]
    public void Evaluate_RandomSmallCaseloadsOnContractBoundaries_MatchesOracle()
    {
        CaseGenerators.Case.Sample(AssertEngineMatchesOracle, iter: Math.Max(DefaultCases, Check.Iter), print: static c => c.ToString());
    }

    private static void AssertEngineMatchesOracle(DifferentialCase c)
    {
        var engine = SharedEngine.Instance.Evaluate(c.Snapshot, new EvaluationOptions { AsOf = c.AsOf, Policy = c.Policy });
        var oracle = ReferenceEvaluator.Evaluate(c.Snapshot, c.AsOf, c.Policy);
        ReportComparison.AssertSame(engine, oracle, "generated case, printed below by CsCheck");
    }
}
