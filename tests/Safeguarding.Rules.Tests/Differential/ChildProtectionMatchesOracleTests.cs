using CsCheck;
using Safeguarding.Rules.TestSupport.Oracle;

namespace Safeguarding.Rules.Tests.Differential;

/// <summary>
/// The engine against the oracle on thousands of small random caseloads with strategy discussions, detentions and police
/// protections (contract section 6) placed on its boundaries: clock changes, both sides of midnight UK time, offsets other than
/// the UK's, non-working days, <c>extractedAt</c> present or absent, the caller's as-of date given or not. Findings, fields, ids,
/// order, summary and outcomes must be equal. CsCheck_Seed replays a failure; CsCheck_Iter raises the number of cases.
/// </summary>
public sealed class ChildProtectionMatchesOracleTests
{
    private const int DefaultCases = 4_000;

    [Fact]
    public void Evaluate_RandomChildProtectionCasesAroundClockChangesAndMidnight_MatchesOracle()
    {
        ChildProtectionCaseGenerators.Case.Sample(AssertEngineMatchesOracle, iter: Math.Max(DefaultCases, Check.Iter), print: static c => c.ToString());
    }

    [Fact]
    public void Case_Generated_ReachesEveryKindAndBothWaysOfChoosingT()
    {
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        var withExtractedAt = 0;
        var withoutCaller = 0;
        var otherOffsets = 0;
        ChildProtectionCaseGenerators.Case.Sample(
            c =>
            {
                var (asOf, instant) = ReferenceEvaluator.AsOfFor(c.Snapshot, c.CallerAsOf);
                foreach (var finding in ReferenceEvaluator.Evaluate(c.Snapshot, asOf, instant, c.Policy).Findings)
                {
                    kinds.Add(finding.Kind);
                }

                withExtractedAt += c.Snapshot.ExtractedAt is null ? 0 : 1;
                withoutCaller += c.CallerAsOf is null ? 1 : 0;
                otherOffsets += c.Snapshot.Detentions.Count(d => d.AuthorisedAt.Offset != ReferenceEvaluator.UkOffset(d.AuthorisedAt));
            },
            iter: 500);

        kinds.Should().Contain(
        [
            FindingKinds.StrategyOutcomeNotRecorded, FindingKinds.StrategyActionOverdue, FindingKinds.AppropriateAdultDelayed,
            FindingKinds.InterviewWithoutAppropriateAdult, FindingKinds.PoliceProtectionExceeded, FindingKinds.LocalAuthorityNotInformed,
        ]);
        withExtractedAt.Should().BePositive();
        withoutCaller.Should().BePositive();
        otherOffsets.Should().BePositive();
    }

    private static void AssertEngineMatchesOracle(ChildProtectionCase c)
    {
        var engine = SharedEngine.Instance.Evaluate(c.Snapshot, new EvaluationOptions { AsOf = c.CallerAsOf, Policy = c.Policy });
        var (asOf, instant) = ReferenceEvaluator.AsOfFor(c.Snapshot, c.CallerAsOf);
        var oracle = ReferenceEvaluator.Evaluate(c.Snapshot, asOf, instant, c.Policy);
        engine.AsOf.Should().Be(asOf);
        engine.AsOfInstant.Should().Be(instant);
        ReportComparison.AssertSame(engine, oracle, "generated child-protection case, printed below by CsCheck");
    }
}
