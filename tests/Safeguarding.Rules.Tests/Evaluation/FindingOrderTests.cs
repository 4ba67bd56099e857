using NRules.Fluent.Dsl;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Tests.Evaluation;

/// <summary>
/// Each partition sorts its own findings and the report concatenates them, which is only right while every finding
/// belongs to its partition's teams. Host rules may break that; the report must still come out in the contract's order.
/// </summary>
public sealed class FindingOrderTests
{
    [Fact]
    public void HostFindingsNamingOtherTeams_AcrossManyPartitions_StillComeOutInTheContractOrder()
    {
        var options = new SafeguardingRulesOptions { PartitionSize = 100, MaxDegreeOfParallelism = 2 };
        options.AddRule<CrossTeamFlagRule>();
        var engine = new SafeguardingEngine(options);

        var report = engine.Evaluate(SyntheticCaseload.Generate(3000, seed: 21));

        report.Findings.Count(f => f.Kind.StartsWith("HostFlag", StringComparison.Ordinal)).Should().BeGreaterThan(100);
        report.Findings.Should().Equal(InContractOrder(report.Findings));

        // Host kinds share one bucket per partition, so the summary counts them one by one.
        report.Summary.FindingsByKind.Should().Equal(report.Findings.GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => g.Count()));
        report.Summary.FindingsByKind.Keys.Should().Contain(["HostFlagA", "HostFlagB"]);
    }

    [Fact]
    public void BuiltInFindings_AreInTheContractOrder_HoweverTheCaseloadIsPartitioned()
    {
        var snapshot = SyntheticCaseload.Generate(3000, seed: 22);
        foreach (var size in new[] { 1, 50, 512, int.MaxValue })
        {
            var report = new SafeguardingEngine(new SafeguardingRulesOptions { PartitionSize = size }).Evaluate(snapshot);

            report.Findings.Should().Equal(InContractOrder(report.Findings), "partitions of {0} offenders", size);
        }
    }

    [Fact]
    public void Ids_AreComparedByUtf16CodeUnits_NotByCodePoints()
    {
        // Contract sections 5 and 6 order findings by ids "compared ordinally" without saying over what. This library's
        // reading (docs/findings.md): .NET's ordinal comparison, by UTF-16 code units, as RFC 8785 sorts property names.
        // It differs from code-point (UTF-8 byte) order only past U+FFFF: an id starting with U+1F600 (a surrogate pair,
        // 0xD83D first) comes before one starting with U+FF01, while code-point order puts it after.
        var snapshot = new CaseloadSnapshot
        {
            AsOf = new DateOnly(2018, 5, 1),
            Offenders =
            [
                new Offender { Id = "\uFF01", RiskLevel = RiskLevel.High, RegisteredOn = new DateOnly(2017, 1, 1) },
                new Offender { Id = "\U0001F600", RiskLevel = RiskLevel.High, RegisteredOn = new DateOnly(2017, 1, 1) },
                new Offender { Id = "\uE000", RiskLevel = RiskLevel.High, RegisteredOn = new DateOnly(2017, 1, 1) },
            ],
        };

        var report = new SafeguardingEngine().Evaluate(snapshot);

        report.Findings.Where(static f => f.Kind == FindingKinds.Unallocated).Select(static f => f.OffenderId)
            .Should().Equal("\U0001F600", "\uE000", "\uFF01");
    }

    /// <summary>Contract section 2's order, written out independently of the engine: kind (table order, other kinds after, by name), team, manager, offender (absent first), index, rule.</summary>
    private static List<Finding> InContractOrder(IEnumerable<Finding> findings) => findings
        .OrderBy(static f => FindingKinds.All.ToList().IndexOf(f.Kind) is var rank and >= 0 ? rank : int.MaxValue)
        .ThenBy(static f => f.Kind, StringComparer.Ordinal)
        .ThenBy(static f => f.TeamId, StringComparer.Ordinal)
        .ThenBy(static f => f.ManagerId, StringComparer.Ordinal)
        .ThenBy(static f => f.OffenderId, StringComparer.Ordinal)
        .ThenBy(static f => f.Index ?? -1)
        .ThenBy(static f => f.Rule, StringComparer.Ordinal)
        .ToList();

    /// <summary>Flags every High and Very High risk offender under a team id of the flag's own (the offender's id), in two host kinds.</summary>
    [Name("HostFlag")]
    public sealed class CrossTeamFlagRule : Rule
    {
        public override void Define()
        {
            OffenderCase offender = null!;

            When()
                .Match(() => offender, o => o.RiskLevel == RiskLevel.High || o.RiskLevel == RiskLevel.VeryHigh);

            Then()
                .Yield(_ => new Finding
                {
                    Kind = offender.RiskLevel == RiskLevel.High ? "HostFlagB" : "HostFlagA",
                    Rule = "HostFlag",
                    Reason = "Flagged by the host.",
                    OffenderId = offender.Id,
                    TeamId = offender.Id,
                });
        }
    }
}
