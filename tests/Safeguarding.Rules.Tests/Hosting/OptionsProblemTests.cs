namespace Safeguarding.Rules.Tests.Hosting;

/// <summary>Options problems name the option; they are not policy problems.</summary>
public sealed class OptionsProblemTests
{
    [Fact]
    public void Validate_MaxDegreeOfParallelismZero_IsAnOptionsProblemNamingTheOption()
    {
        var options = new SafeguardingRulesOptions { MaxDegreeOfParallelism = 0, PartitionSize = 0 };
        options.Policy.DueSoonDays = -1;

        options.Validate().Should().Equal(
            new OptionsProblem("Policy.dueSoonDays", "must be at least 0; it is -1"),
            new OptionsProblem("MaxDegreeOfParallelism", "must be at least 1"),
            new OptionsProblem("PartitionSize", "must be at least 1"));
    }

    [Fact]
    public void Constructor_InvalidOption_ThrowsArgumentExceptionNamingTheOption_NotAPolicyException()
    {
        var act = () => new SafeguardingEngine(new SafeguardingRulesOptions { MaxDegreeOfParallelism = 0 });

        act.Should().Throw<ArgumentException>().Which.Should().NotBeOfType<Policies.PolicyValidationException>()
            .And.Subject.As<ArgumentException>().Message.Should().Contain("MaxDegreeOfParallelism: must be at least 1");
    }

    [Fact]
    public void Constructor_InvalidPolicyOnly_ThrowsPolicyValidationExceptionNamingThePolicyProperty()
    {
        var options = new SafeguardingRulesOptions();
        options.Policy.Caseload.Critical = 10;

        var act = () => new SafeguardingEngine(options);

        act.Should().Throw<Policies.PolicyValidationException>().Which.Problems.Select(static p => p.Property).Should().Equal("caseload.critical");
    }

    [Fact]
    public void Validate_DisabledRuleOrTagThatNoRuleHas_IsAProblemNamingIt()
    {
        // A typo would otherwise leave the rule switched on without a word.
        var options = new SafeguardingRulesOptions().DisableRule("NeighbourhoodNotBriefd").DisableRule(RuleNames.Unallocated).DisableTag("Comunity");

        options.Validate().Should().Equal(
            new OptionsProblem("DisabledRules", "no rule is named NeighbourhoodNotBriefd"),
            new OptionsProblem("DisabledTags", "no rule has the tag Comunity"));
        var act = () => new SafeguardingEngine(options);
        act.Should().Throw<ArgumentException>().WithMessage("*DisabledRules: no rule is named NeighbourhoodNotBriefd*");
    }

    [Fact]
    public void Validate_DisabledHostRuleAndTag_AreKnown()
    {
        var options = new SafeguardingRulesOptions().AddRule<TaggedHostRule>().DisableRule("TaggedHostRule").DisableTag("HostArea");

        options.Validate().Should().BeEmpty();
    }

    [Fact]
    public async Task DisabledRuleTypo_FailsAtStartUp()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddSafeguardingRules(o => o.DisableRule("Unalocated"));
        using var host = builder.Build();

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>())
            .Which.Failures.Should().Equal("SafeguardingRules.DisabledRules: no rule is named Unalocated");
    }

    [NRules.Fluent.Dsl.Name("TaggedHostRule"), NRules.Fluent.Dsl.Tag("HostArea")]
    public sealed class TaggedHostRule : NRules.Fluent.Dsl.Rule
    {
        public override void Define()
        {
            Facts.OffenderCase offender = null!;
            When().Match(() => offender, o => o.Id == "never");
            Then().Do(_ => Ignore());
        }

        private static void Ignore()
        {
        }
    }
}
