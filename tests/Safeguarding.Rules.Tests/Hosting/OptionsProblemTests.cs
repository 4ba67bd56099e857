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
}
