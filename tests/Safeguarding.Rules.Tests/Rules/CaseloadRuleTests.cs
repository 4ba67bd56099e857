using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Testing;

namespace Safeguarding.Rules.Tests.Rules;

/// <summary>Contract section 2, Caseload: each test runs only the rules it is about (the shipped kit's <c>EvaluateOnly</c>).</summary>
public sealed class CaseloadRuleTests
{
    private static readonly DateOnly AsOf = new(2018, 5, 1);

    /// <summary>
    /// The two caseload rules run together: a manager above the critical caseload gets the critical finding and not
    /// the above-target one, which only running both can show.
    /// </summary>
    private static readonly string[] CaseloadRules = [RuleNames.CaseloadAboveTarget, RuleNames.CaseloadCritical];

    /// <summary>Manager OM-1 in team T-1.</summary>
    private static CaseloadScenario Caseload() => CaseloadScenario.AsOf(AsOf).Manager("OM-1", team: "T-1");

    private static EvaluationReport Run(CaseloadScenario scenario, params string[] rules)
    {
        var report = scenario.EvaluateOnly(rules);
        report.Problems.Should().BeEmpty("the scenario itself must be valid");
        return report;
    }

    [Theory]
    [InlineData(50, null)]
    [InlineData(51, FindingKinds.CaseloadAboveTarget)]
    [InlineData(75, FindingKinds.CaseloadAboveTarget)]
    [InlineData(76, FindingKinds.CaseloadCritical)]
    public void ManagerCaseload_AgainstTargetAndCritical(int caseload, string? expected)
    {
        var report = Run(Caseload().Holding("OM-1", caseload), CaseloadRules);

        var findings = report.Findings.Where(f => f.ManagerId == "OM-1" && f.OffenderId == null).ToList();
        if (expected is null)
        {
            findings.Should().BeEmpty();
        }
        else
        {
            var finding = findings.Should().ContainSingle("a critical manager gets only the critical finding").Subject;
            finding.Kind.Should().Be(expected);
            finding.Caseload.Should().Be(caseload);
            finding.TeamId.Should().Be("T-1");
        }
    }

    [Fact]
    public void Caseload_ExcludesCustody_IncludesReactiveManagement_ExcludesNotYetRegistered()
    {
        var scenario = Caseload().Holding("OM-1", 50);
        for (var i = 0; i < 10; i++)
        {
            scenario.Offender($"CUST-OM-1-{i:D3}", RiskLevel.Low, o => o.ManagedBy("OM-1").InCustody().LastVisitedDaysAgo(1));
        }

        scenario
            .Offender("RSO-R", RiskLevel.Low, o => o.ManagedBy("OM-1").ReactiveManagement())
            .Offender("RSO-F", RiskLevel.Medium, o => o.ManagedBy("OM-1").RegisteredOn(AsOf.AddDays(3)));

        var finding = Run(scenario, CaseloadRules).Findings.Where(f => f.Kind == FindingKinds.CaseloadAboveTarget).Should().ContainSingle().Subject;
        finding.Caseload.Should().Be(51);
    }

    [Fact]
    public void CaseloadThresholds_ArePolicyParameters()
    {
        var policy = new SafeguardingPolicy { Caseload = new CaseloadPolicy { Target = 2, Critical = 3 } };

        Run(Caseload().Holding("OM-1", 3).WithPolicy(policy), CaseloadRules)
            .Findings.Where(f => f.Kind == FindingKinds.CaseloadAboveTarget).Should().ContainSingle();
        Run(Caseload().Holding("OM-1", 4).WithPolicy(policy), CaseloadRules)
            .Findings.Where(f => f.Kind == FindingKinds.CaseloadCritical).Should().ContainSingle();
    }

    [Fact]
    public void OffenderWithNoManager_IsUnallocated_InCustodyOrNot()
    {
        var report = Run(
            Caseload()
                .Offender("RSO-A", RiskLevel.High, o => o.Unallocated())
                .Offender("RSO-B", RiskLevel.Low, o => o.Unallocated().InCustody()),
            RuleNames.Unallocated);

        var findings = report.Findings.Where(f => f.Kind == FindingKinds.Unallocated).ToList();
        findings.Select(f => (f.OffenderId, f.RiskLevel)).Should().Equal(("RSO-A", RiskLevel.High), ("RSO-B", RiskLevel.Low));
        findings.Should().OnlyContain(f => f.ManagerId == null && f.TeamId == null);
    }
}
