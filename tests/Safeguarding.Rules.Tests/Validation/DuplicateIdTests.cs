using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;

namespace Safeguarding.Rules.Tests.Validation;

/// <summary>Duplicate ids: one problem per record, each naming at most three of the others, so the report grows linearly.</summary>
public sealed class DuplicateIdTests
{
    private static readonly SafeguardingEngine Engine = new();

    private static Offender Offender(string id) => new() { Id = id, RiskLevel = RiskLevel.Low, RegisteredOn = new DateOnly(2015, 1, 1) };

    [Fact]
    public void Evaluate_TenThousandOffendersSharingOneId_OneShortProblemEach()
    {
        var snapshot = new CaseloadSnapshot
        {
            AsOf = new DateOnly(2018, 5, 1),
            Offenders = Enumerable.Range(0, 10_000).Select(_ => Offender("RSO-1")).ToList(),
        };

        var report = Engine.Evaluate(snapshot);

        report.Problems.Should().HaveCount(10_000);
        report.Problems.Should().OnlyContain(p => p.ToString().Length < 200);
        report.Problems.Sum(p => (long)p.ToString().Length).Should().BeLessThan(2_000_000);
        report.Problems[0].Problem.Should().Be("duplicate id, also used by offenders[1], offenders[2], offenders[3] and 9,996 more; every record with it is rejected");
        report.Problems[2].Problem.Should().StartWith("duplicate id, also used by offenders[0], offenders[1], offenders[3] and 9,996 more");
    }

    [Fact]
    public void Evaluate_TwoRecordsSharingAnId_NameEachOtherWithNoCount()
    {
        var snapshot = new CaseloadSnapshot { Offenders = [Offender("RSO-1"), Offender("RSO-2"), Offender("RSO-1")] };

        var report = Engine.Evaluate(snapshot, new EvaluationOptions { AsOf = new DateOnly(2018, 5, 1) });

        report.Problems.Select(p => p.Problem).Should().Equal(
            "duplicate id, also used by offenders[2]; every record with it is rejected",
            "duplicate id, also used by offenders[0]; every record with it is rejected");
    }

    [Fact]
    public void Evaluate_ManyManagersAndTeamsSharingAnId_ProblemsStayShort()
    {
        var snapshot = new CaseloadSnapshot
        {
            Teams = Enumerable.Range(0, 2_000).Select(_ => new Team { Id = "T-1" }).ToList(),
            Managers = Enumerable.Range(0, 2_000).Select(_ => new Manager { Id = "OM-1" }).ToList(),
        };

        var report = Engine.Evaluate(snapshot, new EvaluationOptions { AsOf = new DateOnly(2018, 5, 1) });

        report.Problems.Where(p => p.Field == "id").Should().HaveCount(4_000).And.OnlyContain(p => p.ToString().Length < 200);
        report.Problems.Should().Contain(p => p.Array == "teams" && p.Problem.Contains("and 1,996 more", StringComparison.Ordinal));
        report.Problems.Should().Contain(p => p.Array == "managers" && p.Problem.Contains("and 1,996 more", StringComparison.Ordinal));
    }
}
