using NRules.Fluent.Dsl;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Rules;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Tests.Evaluation;

/// <summary>
/// With only built-in rules loaded, the rules that fired are read from their traces (findings and overdue visits);
/// with host rules loaded, the engine listens to every firing. Both ways must name the same rules.
/// </summary>
public sealed class FiredRulesTests
{
    public static TheoryData<int, bool, string?> Cases => new()
    {
        { 1, false, null },
        { 2, true, null },
        { 3, true, RuleTags.Escalation }, // VisitOverdue fires, but no escalation finding names it
        { 4, false, RuleTags.Visits },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReadFromTraces_NamesTheSameRulesAsListeningToEveryFiring(int seed, bool withRejectedRecords, string? disabledTag)
    {
        var snapshot = SyntheticCaseload.Generate(4000, (ulong)seed);
        if (withRejectedRecords)
        {
            snapshot = WithRejectedRecords(snapshot);
        }

        var evaluation = new EvaluationOptions { AllowPartialResults = true };

        var traced = Engine(disabledTag, withHostRule: false).Evaluate(snapshot, evaluation);
        var listened = Engine(disabledTag, withHostRule: true).Evaluate(snapshot, evaluation);

        traced.FiredRules.Should().BeEquivalentTo(listened.FiredRules);
        traced.FiredRules.Should().NotBeEmpty();
        if (withRejectedRecords)
        {
            traced.FiredRules.Should().Contain(RuleNames.DataQuality);
        }

        if (disabledTag == RuleTags.Escalation)
        {
            traced.FiredRules.Should().Contain(RuleNames.VisitOverdue);
        }
    }

    /// <summary>Every 150th offender gets an interval out of range, so it is rejected and <c>DataQuality</c> fires.</summary>
    private static CaseloadSnapshot WithRejectedRecords(CaseloadSnapshot snapshot) => new()
    {
        AsOf = snapshot.AsOf,
        Teams = snapshot.Teams,
        Managers = snapshot.Managers,
        Offenders = snapshot.Offenders.Select((o, i) => i % 150 == 0 ? o with { VisitIntervalDays = 0 } : o).ToList(),
        Visits = snapshot.Visits,
        Briefings = snapshot.Briefings,
    };

    private static SafeguardingEngine Engine(string? disabledTag, bool withHostRule)
    {
        var options = new SafeguardingRulesOptions { PartitionSize = 300 };
        if (disabledTag is not null)
        {
            options.DisableTag(disabledTag);
        }

        if (withHostRule)
        {
            options.AddRule<NeverFiresRule>();
        }

        return new SafeguardingEngine(options);
    }

    /// <summary>A host rule that matches nothing: loading it switches the engine to listening.</summary>
    [Name("NeverFires")]
    public sealed class NeverFiresRule : Rule
    {
        public override void Define()
        {
            OffenderCase offender = null!;

            When()
                .Match(() => offender, o => o.Id == "no such offender");

            Then()
                .Do(_ => NoOp());
        }

        private static void NoOp()
        {
        }
    }
}
