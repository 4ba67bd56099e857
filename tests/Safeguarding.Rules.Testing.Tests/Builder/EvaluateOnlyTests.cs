using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Testing.Tests.Builder;

/// <summary><see cref="CaseloadScenario.EvaluateOnly"/>: a test about one rule sees that rule's findings only.</summary>
public sealed class EvaluateOnlyTests
{
    private static readonly DateOnly AsOf = new(2018, 5, 1);

    /// <summary>An unallocated High risk offender last visited 99 days ago: overdue, escalated, unallocated, review due.</summary>
    private static CaseloadScenario Scenario() => CaseloadScenario.AsOf(AsOf)
        .Offender("RSO-1", RiskLevel.High, o => o.LastVisitedDaysAgo(99));

    [Fact]
    public void EvaluateOnly_OneRule_GivesOnlyThatRulesFindings()
    {
        var all = Scenario().Evaluate();
        var only = Scenario().EvaluateOnly(RuleNames.Unallocated);

        all.Findings.Select(f => f.Kind).Distinct().Should().HaveCountGreaterThan(1, "the scenario raises several kinds");
        only.Findings.Should().ContainSingle().Which.Kind.Should().Be(FindingKinds.Unallocated);
        only.FiredRules.Should().Equal(RuleNames.Unallocated);
    }

    [Fact]
    public void EvaluateOnly_AChainedRuleWithItsAntecedent_Fires()
    {
        var report = Scenario().EvaluateOnly(RuleNames.VisitOverdue, RuleNames.EscalateToDetectiveInspector);

        report.Findings.Should().ContainSingle().Which.EscalateTo.Should().Be(EscalationLevel.DetectiveInspector);
    }

    [Fact]
    public void EvaluateOnly_AnUnknownName_ListsTheRules()
    {
        var evaluate = () => Scenario().EvaluateOnly("VisitOverdu");

        evaluate.Should().Throw<ArgumentException>()
            .WithMessage("Not a built-in rule: VisitOverdu. The rules are *VisitOverdue*");
    }
}
