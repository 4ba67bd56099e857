using System.Text;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Tests.Serialization;

/// <summary>
/// A policy list that names an item twice (contract sections 4, 6 and 8). The contract makes unknown properties and
/// impossible values errors; `nonWorkingDays` is "a list of dates" and `overrides.kinds` "names finding kinds", and
/// nothing refuses a repeat, so a policy another program writes with one (a bank holiday from two merged calendars) is
/// valid: it means what the list without the repeat means, and the decision record keeps the list as given.
/// </summary>
public sealed class PolicyListRepeatsTests
{
    private const string Repeated = """
        { "version": "repeats",
          "overrides": { "kinds": ["VisitOverdue", "VisitDueSoon", "RepeatedNoAccess", "RiskReviewOverdue", "NeighbourhoodNotBriefed", "VisitOverdue"] },
          "childProtection": { "nonWorkingDays": ["2018-05-07", "2018-05-28", "2018-05-07"] } }
        """;

    private const string Distinct = """
        { "version": "repeats",
          "overrides": { "kinds": ["VisitOverdue", "VisitDueSoon", "RepeatedNoAccess", "RiskReviewOverdue", "NeighbourhoodNotBriefed"] },
          "childProtection": { "nonWorkingDays": ["2018-05-07", "2018-05-28"] } }
        """;

    private static SafeguardingPolicy Read(string json)
    {
        var result = PolicyJson.Read(Encoding.UTF8.GetBytes(json));
        result.Problems.Should().BeEmpty("a repeated list item is not an impossible value");
        return result.Policy!;
    }

    [Fact]
    public void Read_RepeatedItems_AreAcceptedAndKeptAsGiven()
    {
        var policy = Read(Repeated);

        policy.Overrides.Kinds.Should().Equal("VisitOverdue", "VisitDueSoon", "RepeatedNoAccess", "RiskReviewOverdue", "NeighbourhoodNotBriefed", "VisitOverdue");
        policy.ChildProtection.NonWorkingDays.Should().Equal(new DateOnly(2018, 5, 7), new DateOnly(2018, 5, 28), new DateOnly(2018, 5, 7));
    }

    [Fact]
    public void Evaluate_RepeatedItems_GiveTheFindingsOfTheListWithoutTheRepeat_AndARecordOfTheListAsGiven()
    {
        var snapshot = SyntheticCaseload.Generate(new SyntheticCaseloadOptions { Offenders = 400, OverridesPerThousand = 300 });
        var engine = new SafeguardingEngine();

        var repeated = engine.Evaluate(snapshot, new EvaluationOptions { Policy = Read(Repeated) });
        var distinct = engine.Evaluate(snapshot, new EvaluationOptions { Policy = Read(Distinct) });

        repeated.Problems.Should().BeEmpty();
        repeated.IsEvaluated.Should().BeTrue();
        repeated.Findings.Should().Equal(distinct.Findings);
        repeated.Suppressed.Should().Equal(distinct.Suppressed);
        distinct.Suppressed.Should().NotBeEmpty("the generated overrides must exercise overrides.kinds");
        repeated.Record!.PolicySha256.Should().NotBe(distinct.Record!.PolicySha256, "section 8 hashes the lists in the order given, repeats included");
    }
}
