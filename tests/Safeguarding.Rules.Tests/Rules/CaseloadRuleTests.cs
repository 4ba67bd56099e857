using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Tests.Support;

namespace Safeguarding.Rules.Tests.Rules;

/// <summary>Contract section 2, Caseload.</summary>
public sealed class CaseloadRuleTests
{
    [Theory]
    [InlineData(50, null)]
    [InlineData(51, FindingKinds.CaseloadAboveTarget)]
    [InlineData(75, FindingKinds.CaseloadAboveTarget)]
    [InlineData(76, FindingKinds.CaseloadCritical)]
    public void ManagerCaseload_AgainstTargetAndCritical(int caseload, string? expected)
    {
        var report = new Scenario().Holding("OM-1", caseload).Evaluate();

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
        var scenario = new Scenario()
            .Holding("OM-1", 50)
            .Holding("OM-1", 10, prefix: "CUST", inCustody: true)
            .With("RSO-R", RiskLevel.Low, o => o with { ReactiveManagement = true })
            .With("RSO-F", change: o => o with { RegisteredOn = Scenario.AsOf.AddDays(3) });

        var finding = scenario.Findings(FindingKinds.CaseloadAboveTarget).Should().ContainSingle().Subject;
        finding.Caseload.Should().Be(51);
    }

    [Fact]
    public void CaseloadThresholds_ArePolicyParameters()
    {
        var policy = new SafeguardingPolicy { Caseload = new CaseloadPolicy { Target = 2, Critical = 3 } };

        new Scenario().Holding("OM-1", 3).Findings(FindingKinds.CaseloadAboveTarget, policy).Should().ContainSingle();
        new Scenario().Holding("OM-1", 4).Findings(FindingKinds.CaseloadCritical, policy).Should().ContainSingle();
    }

    [Fact]
    public void OffenderWithNoManager_IsUnallocated_InCustodyOrNot()
    {
        var scenario = new Scenario()
            .With("RSO-A", RiskLevel.High, o => o with { ManagerId = null })
            .With("RSO-B", RiskLevel.Low, o => o with { ManagerId = null, InCustody = true });

        var findings = scenario.Findings(FindingKinds.Unallocated);

        findings.Select(f => (f.OffenderId, f.RiskLevel)).Should().Equal(("RSO-A", RiskLevel.High), ("RSO-B", RiskLevel.Low));
        findings.Should().OnlyContain(f => f.ManagerId == null && f.TeamId == null);
    }
}
