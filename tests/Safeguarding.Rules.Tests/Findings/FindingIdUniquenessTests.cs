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

    [Fact]
    public void Evaluate_HostFindingsWithOneIdFromDifferentSubjectFields_FailsNamingTheRule()
    {
        // A host kind's id is its kind and the teamId, managerId and offenderId that are present (contract section 7), so a
        // finding about manager "1" and one about offender "1" of the same kind both have the id SubjectFlag:1.
        var options = new SafeguardingRulesOptions();
        options.AddRule<FlagManagerRule>();
        options.AddRule<FlagOffenderRule>();
        var engine = new SafeguardingEngine(options);
        var snapshot = new Domain.CaseloadSnapshot
        {
            AsOf = new DateOnly(2018, 5, 1),
            Managers = [new Domain.Manager { Id = "1" }],
            Offenders = [new Domain.Offender { Id = "1", ManagerId = "1", RiskLevel = Domain.RiskLevel.Low, RegisteredOn = new DateOnly(2015, 1, 1) }],
        };

        var evaluate = () => engine.Evaluate(snapshot);

        evaluate.Should().Throw<InvalidOperationException>()
            .WithMessage("Rule Flag* raised a finding with the id SubjectFlag:1, which rule Flag* had already given to another finding*");
    }

    [Name("FlagManager")]
    public sealed class FlagManagerRule : Rule
    {
        public override void Define()
        {
            ManagerCase manager = null!;

            When().Match(() => manager);

            Then().Yield(_ => new Finding { Kind = "SubjectFlag", Rule = "FlagManager", Reason = "Manager flagged.", ManagerId = manager.Id });
        }
    }

    [Name("FlagOffender")]
    public sealed class FlagOffenderRule : Rule
    {
        public override void Define()
        {
            OffenderCase offender = null!;

            When().Match(() => offender);

            Then().Yield(_ => new Finding { Kind = "SubjectFlag", Rule = "FlagOffender", Reason = "Offender flagged.", OffenderId = offender.Id });
        }
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
