using System.Reflection;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Synthetic;
using Safeguarding.Rules.Testing;

namespace Safeguarding.Rules.Tests.Evaluation;

/// <summary>
/// Issue 14 item 1: nothing shared is mutable through a public door. Facts offer a read-only view of the policy, so a
/// host rule cannot rewrite the policy of later evaluations; the engine copies its options at construction.
/// </summary>
public sealed class SharedStateTests
{
    [Fact]
    public void Facts_EveryPropertyReachableFromAFact_HasNoPublicSetter()
    {
        var factTypes = typeof(OffenderCase).Assembly.GetExportedTypes().Where(static t => t.Namespace == typeof(OffenderCase).Namespace);
        var seen = new HashSet<Type>();
        var settable = new List<string>();
        var pending = new Queue<Type>(factTypes);
        while (pending.TryDequeue(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                if (property.SetMethod is { IsPublic: true })
                {
                    settable.Add(type.Name + "." + property.Name);
                }

                var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (propertyType.Assembly == type.Assembly && !propertyType.IsEnum)
                {
                    pending.Enqueue(propertyType);
                }
            }
        }

        seen.Should().Contain([typeof(PolicyView), typeof(VisitIntervalsView), typeof(CaseloadView), typeof(EscalationView)]);
        settable.Should().BeEmpty("a host rule must not be able to change what another rule or a later evaluation sees");
    }

    [Fact]
    public void OffenderCase_Policy_IsTheEnginesValues_NotTheOptionsObject()
    {
        var options = new SafeguardingRulesOptions();
        options.Policy.VisitIntervalDays.High = 60;
        var engine = new SafeguardingEngine(options);
        var snapshot = CaseloadScenario.AsOf(new DateOnly(2018, 5, 1)).Manager("OM-1", team: "T-1")
            .Offender("RSO-1", RiskLevel.High, o => o.ManagedBy("OM-1").LastVisitedDaysAgo(70)).ToSnapshot();

        options.Policy.VisitIntervalDays.High = 1;
        options.Policy = new SafeguardingPolicy { VisitIntervalDays = new VisitIntervalPolicy { High = 1000 } };

        engine.Evaluate(snapshot).Findings.Should().ContainSingle(f => f.Kind == FindingKinds.VisitOverdue).Which.DaysOverdue.Should().Be(10);
    }

    [Fact]
    public void Evaluate_AllowPartialResultsSetAfterConstruction_ChangesNothing()
    {
        var options = new SafeguardingRulesOptions();
        var engine = new SafeguardingEngine(options);
        var snapshot = CaseloadScenario.AsOf(new DateOnly(2018, 5, 1)).Manager("OM-1", team: "T-1")
            .Offender("RSO-1", RiskLevel.Medium, o => o.ManagedBy("OM-1"))
            .Offender("RSO-2", RiskLevel.Medium, o => o.ManagedBy("OM-1").PlanIntervalDays(0))
            .ToSnapshot();

        options.AllowPartialResults = true;
        var report = engine.Evaluate(snapshot);

        report.IsEvaluated.Should().BeFalse("the engine was created with partial results off");
        report.PartialResultsAllowed.Should().BeFalse();
    }

    [Fact]
    public void Evaluate_MaxDegreeOfParallelismZeroSetAfterConstruction_StillEvaluates()
    {
        var options = new SafeguardingRulesOptions { PartitionSize = 50, MaxDegreeOfParallelism = 2 };
        var engine = new SafeguardingEngine(options);
        var snapshot = SyntheticCaseload.Generate(600);
        var before = engine.Evaluate(snapshot);

        options.MaxDegreeOfParallelism = 0;
        options.PartitionSize = 0;
        var after = engine.Evaluate(snapshot);

        after.IsEvaluated.Should().BeTrue();
        after.Findings.Should().Equal(before.Findings);
    }

    [Fact]
    public void Rules_RuleSwitchedOffAfterConstruction_StillRuns()
    {
        var options = new SafeguardingRulesOptions();
        var engine = new SafeguardingEngine(options);

        options.DisableRule(RuleNames.Unallocated);

        engine.Rules.Should().Contain(r => r.Name == RuleNames.Unallocated);
        engine.Evaluate(CaseloadScenario.AsOf(new DateOnly(2018, 5, 1)).Manager("OM-1", team: "T-1").Offender("RSO-1", RiskLevel.Medium, o => o.Unallocated()).ToSnapshot())
            .Findings.Should().Contain(f => f.Kind == FindingKinds.Unallocated);
    }
}
