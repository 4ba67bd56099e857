using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Tests.Serialization;

/// <summary>The policy's <c>overrides</c> block (contract section 8): defaults, file, configuration, checks.</summary>
public sealed class OverridePolicyJsonTests
{
    private static PolicyReadResult Read(string json) => PolicyJson.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Default_IsNinetyDaysAndTheVisitAndCommunityKinds()
    {
        var policy = new SafeguardingPolicy();

        policy.Overrides.MaxDays.Should().Be(90);
        policy.Overrides.Kinds.Should().Equal("VisitOverdue", "VisitDueSoon", "RepeatedNoAccess", "RiskReviewOverdue", "NeighbourhoodNotBriefed");
    }

    [Fact]
    public void Read_Kinds_ReplaceTheDefaultList()
    {
        var result = Read("""{ "overrides": { "kinds": ["CaseloadAboveTarget", "VisitOverdue"] } }""");

        result.Problems.Should().BeEmpty();
        result.Policy!.Overrides.Kinds.Should().Equal("CaseloadAboveTarget", "VisitOverdue");
        result.Policy.Overrides.MaxDays.Should().Be(90);
    }

    [Fact]
    public void Read_EmptyKinds_AllowNoOverrides()
    {
        var result = Read("""{ "overrides": { "kinds": [] } }""");

        result.Problems.Should().BeEmpty();
        result.Policy!.Overrides.Kinds.Should().BeEmpty();
    }

    [Fact]
    public void Read_MaxDaysOnly_KeepsTheDefaultKinds()
    {
        var result = Read("""{ "overrides": { "maxDays": 28 } }""");

        result.Policy!.Overrides.MaxDays.Should().Be(28);
        result.Policy.Overrides.Kinds.Should().Equal(OverridePolicy.DefaultKinds);
    }

    [Theory]
    [InlineData("""{ "overrides": { "maxDays": 0 } }""", "overrides.maxDays", "must be at least 1; it is 0")]
    [InlineData("""{ "overrides": { "kinds": ["DataQuality"] } }""", "overrides.kinds[0]", "DataQuality can never be overridden: a rejected record must stay visible")]
    [InlineData("""{ "overrides": { "kinds": ["VisitOverdue", "VisitLate"] } }""", "overrides.kinds[1]", "must name a finding kind of the contract*")]
    [InlineData("""{ "overrides": { "kinds": [3] } }""", "overrides.kinds[0]", "must be a string (a finding kind), not a number")]
    [InlineData("""{ "overrides": { "kinds": "VisitOverdue" } }""", "overrides.kinds", "must be an array of finding kinds, not a string")]
    [InlineData("""{ "overrides": { "maxdays": 5 } }""", "overrides.maxdays", "is not a policy property*")]
    [InlineData("""{ "overrides": null }""", "overrides", "is null*")]
    public void Read_BadOverridesBlock_NamesTheProperty(string json, string property, string problem)
    {
        var result = Read(json);

        result.Policy.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.Should().Match<PolicyProblem>(p => p.Property == property && p.Problem.Length > 0);
        result.Problems[0].Problem.Should().Match(problem);
    }

    [Fact]
    public void Read_KindsAfterAnItemOfTheWrongType_NameEachItemByItsPlaceInTheFile()
    {
        var result = Read("""{ "overrides": { "kinds": [3, "VisitOverdue", "DataQuality", "VisitLate"] } }""");

        result.Policy.Should().BeNull();
        result.Problems.Select(p => p.Property).Should().Equal("overrides.kinds[0]", "overrides.kinds[2]", "overrides.kinds[3]");
        result.Problems[0].Problem.Should().Be("must be a string (a finding kind), not a number");
        result.Problems[1].Problem.Should().StartWith("DataQuality can never be overridden");
        result.Problems[2].Problem.Should().StartWith("must name a finding kind of the contract");
    }

    [Fact]
    public void Write_Policy_EndsWithTheOverridesBlockAndReadsBackTheSame()
    {
        var policy = new SafeguardingPolicy();
        policy.Overrides.MaxDays = 30;
        policy.Overrides.Kinds = ["UnitBacklog", "VisitOverdue"];
        using var stream = new MemoryStream();

        PolicyJson.Write(policy, stream);
        var written = Encoding.UTF8.GetString(stream.ToArray());

        written.Should().EndWith("""
              "overrides": {
                "maxDays": 30,
                "kinds": [
                  "UnitBacklog",
                  "VisitOverdue"
                ]
              }
            }
            """.ReplaceLineEndings("\n"));
        Read(written).Policy!.Overrides.Kinds.Should().Equal("UnitBacklog", "VisitOverdue");
    }

    [Fact]
    public void Clone_CopiesTheKindsList()
    {
        var policy = new SafeguardingPolicy();

        var copy = policy.Clone();
        copy.Overrides.Kinds.Add("UnitBacklog");

        policy.Overrides.Kinds.Should().NotContain("UnitBacklog");
    }

    [Fact]
    public void BindFromConfiguration_Kinds_ReplaceTheDefaultListRatherThanAppend()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SafeguardingRules:Policy:Overrides:MaxDays"] = "14",
            ["SafeguardingRules:Policy:Overrides:Kinds:0"] = "UnitBacklog",
            ["SafeguardingRules:Policy:Overrides:Kinds:1"] = "VisitOverdue",
        }).Build();
        using var provider = new ServiceCollection().AddSafeguardingRules(configuration.GetSection("SafeguardingRules")).BuildServiceProvider();

        var policy = provider.GetRequiredService<IOptions<SafeguardingRulesOptions>>().Value.Policy;

        policy.Overrides.MaxDays.Should().Be(14);
        policy.Overrides.Kinds.Should().Equal("UnitBacklog", "VisitOverdue");
    }

    [Fact]
    public void BindFromConfiguration_NoKinds_KeepsTheDefaultList()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SafeguardingRules:Policy:Overrides:MaxDays"] = "14",
        }).Build();
        using var provider = new ServiceCollection().AddSafeguardingRules(configuration.GetSection("SafeguardingRules")).BuildServiceProvider();

        provider.GetRequiredService<IOptions<SafeguardingRulesOptions>>().Value.Policy.Overrides.Kinds.Should().Equal(OverridePolicy.DefaultKinds);
    }
}
