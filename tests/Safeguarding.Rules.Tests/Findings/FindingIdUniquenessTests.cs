using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Tests.Findings;

/// <summary>Contract section 7: ids are unique within a report; a host rule that breaks that fails the evaluation, named.</summary>
public sealed class FindingIdUniquenessTests
{
    [Fact]
    public void Evaluate_AHostRuleGivingTwoFindingsOneId_FailsNamingTheRule()
    {
        var options = new SafeguardingRulesOptions();
        options.AddRule<SameIdForEveryoneRule>();
        var engine = new SafeguardingEngine(options);

        var evaluate = () => engine.Evaluate(SyntheticCaseload.Generate(50, seed: 2));

        evaluate.Should().Throw<InvalidOperationException>()
            .WithMessage("Rule SameIdForEveryone raised a finding with the id ForceWideFlag, which rule SameIdForEveryone had already given to another finding*");
    }

    [Fact]
    public void Evaluate_HostFindingsWithTheirOwnSubjects_Pass()
    {
        var options = new SafeguardingRulesOptions();
        options.AddRule<Evaluation.FindingOrderTests.CrossTeamFlagRule>();

        var report = new SafeguardingEngine(options).Evaluate(SyntheticCaseload.Generate(200, seed: 3));

        report.Findings.Select(f => f.Id).Should().OnlyHaveUniqueItems();
        report.Findings.Should().Contain(f => f.Kind == "HostFlagA");
    }

    [Name("SameIdForEveryone")]
    public sealed class SameIdForEveryoneRule : Rule
    {
        public override void Define()
        {
            OffenderCase offender = null!;

            When().Match(() => offender);

            Then().Yield(_ => new Finding { Kind = "ForceWideFlag", Rule = "SameIdForEveryone", Reason = "Flagged: " + offender.Id });
        }
    }
}
