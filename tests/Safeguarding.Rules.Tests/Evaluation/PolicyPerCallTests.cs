using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Testing;

namespace Safeguarding.Rules.Tests.Evaluation;

public sealed class PolicyPerCallTests
{
    [Fact]
    public void Evaluate_TwoPoliciesOnOneEngine_EachCallUsesItsOwn()
    {
        var engine = new SafeguardingEngine();
        var snapshot = CaseloadScenario.AsOf(new DateOnly(2018, 5, 1)).Manager("OM-1", team: "T-1")
            .Offender("RSO-1", Domain.RiskLevel.High, o => o.ManagedBy("OM-1").LastVisitedDaysAgo(70)).ToSnapshot();
        var strict = new SafeguardingPolicy { Version = "strict", VisitIntervalDays = new VisitIntervalPolicy { High = 60 } };

        var byDefault = engine.Evaluate(snapshot);
        var byStrict = engine.Evaluate(snapshot, new EvaluationOptions { Policy = strict });

        byDefault.Findings.Should().NotContain(f => f.Kind == FindingKinds.VisitOverdue);
        byStrict.Findings.Should().ContainSingle(f => f.Kind == FindingKinds.VisitOverdue).Which.DaysOverdue.Should().Be(10);
        byStrict.PolicyVersion.Should().Be("strict");
    }

    [Fact]
    public void Evaluate_ChangingThePolicyObjectAfterwards_DoesNotChangeTheEngine()
    {
        var options = new SafeguardingRulesOptions();
        var engine = new SafeguardingEngine(options);
        options.Policy.Caseload.Target = 1;

        engine.Evaluate(CaseloadScenario.AsOf(new DateOnly(2018, 5, 1)).Manager("OM-1", team: "T-1").Holding("OM-1", 3).ToSnapshot()).Findings.Should().NotContain(f => f.Kind == FindingKinds.CaseloadAboveTarget);
    }

    [Fact]
    public void Evaluate_InvalidPolicy_ThrowsNamingEveryProperty()
    {
        var policy = new SafeguardingPolicy { Caseload = new CaseloadPolicy { Target = 80, Critical = 75 }, DueSoonDays = -1 };

        var act = () => new SafeguardingEngine().Evaluate(CaseloadScenario.AsOf(new DateOnly(2018, 5, 1)).Manager("OM-1", team: "T-1").ToSnapshot(), new EvaluationOptions { Policy = policy });

        act.Should().Throw<PolicyValidationException>()
            .Which.Problems.Select(p => p.Property).Should().Equal("dueSoonDays", "caseload.critical");
    }

    [Fact]
    public void Evaluate_NoAsOfAnywhere_UsesTodayInTheUnitedKingdom()
    {
        // 23:30 UTC on 30 June is already 1 July in London (BST).
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2018, 6, 30, 23, 30, 0, TimeSpan.Zero));
        var engine = new SafeguardingEngine(new SafeguardingRulesOptions(), timeProvider: clock);
        var snapshot = new Domain.CaseloadSnapshot { Offenders = [], Managers = [] };

        engine.Evaluate(snapshot).AsOf.Should().Be(new DateOnly(2018, 7, 1));
    }
}
