using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Tests.Serialization;

/// <summary>Contract section 6: the <c>childProtection</c> policy block, from a file and from configuration.</summary>
public sealed class ChildProtectionPolicyTests
{
    private static PolicyReadResult Read(string json) => PolicyJson.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Read_Block_SetsEachValue_AndKeepsTheOthersDefault()
    {
        var result = Read("""{ "childProtection": { "appropriateAdultAlertMinutes": 90, "nonWorkingDays": ["2018-05-07", "2018-05-28"] } }""");

        result.Problems.Should().BeEmpty();
        var block = result.Policy!.ChildProtection;
        block.AppropriateAdultAlertMinutes.Should().Be(90);
        block.AppropriateAdultInspectorMinutes.Should().Be(240);
        block.PoliceProtectionMaxHours.Should().Be(72);
        block.NonWorkingDays.Should().Equal(new DateOnly(2018, 5, 7), new DateOnly(2018, 5, 28));
    }

    [Fact]
    public void Read_ImpossibleValues_AreEveryOneNamed()
    {
        var result = Read("""{ "childProtection": { "appropriateAdultAlertMinutes": 300, "policeProtectionMaxHours": 96, "localAuthorityInformMinutes": 0, "nonWorkingDays": ["2018-02-30", 7], "bankHolidays": [] } }""");

        result.Policy.Should().BeNull();
        result.Problems.Select(static p => p.Property).Should().BeEquivalentTo(
            "childProtection.bankHolidays",
            "childProtection.nonWorkingDays[0]",
            "childProtection.nonWorkingDays[1]",
            "childProtection.appropriateAdultInspectorMinutes",
            "childProtection.policeProtectionMaxHours",
            "childProtection.localAuthorityInformMinutes");
        result.Problems.Single(static p => p.Property == "childProtection.policeProtectionMaxHours").Problem.Should().Contain("at most 72");
    }

    [Fact]
    public void Write_ThenRead_GivesTheSamePolicy()
    {
        var policy = new SafeguardingPolicy { ChildProtection = { StrategyOutcomeWorkingDays = 2, NonWorkingDays = [new DateOnly(2018, 12, 25)] } };
        using var stream = new MemoryStream();
        PolicyJson.Write(policy, stream);

        var again = PolicyJson.Read(stream.ToArray());

        again.Problems.Should().BeEmpty();
        again.Policy!.ChildProtection.Should().BeEquivalentTo(policy.ChildProtection);
        Encoding.UTF8.GetString(stream.ToArray()).Should().Contain("\"nonWorkingDays\": [\n      \"2018-12-25\"\n    ]");
    }

    [Fact]
    public void Bind_NonWorkingDaysFromConfiguration_ReplacesTheListInsteadOfAppending()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SafeguardingRules:Policy:ChildProtection:NonWorkingDays:0"] = "2018-05-07",
            ["SafeguardingRules:Policy:ChildProtection:AppropriateAdultAlertMinutes"] = "90",
        }).Build();
        var services = new ServiceCollection()
            .AddSafeguardingRules(options => options.Policy.ChildProtection.NonWorkingDays = [new DateOnly(2018, 12, 25)])
            .AddSafeguardingRules(configuration.GetSection("SafeguardingRules"));
        using var provider = services.BuildServiceProvider();

        var policy = provider.GetRequiredService<IOptions<SafeguardingRulesOptions>>().Value.Policy.ChildProtection;

        policy.NonWorkingDays.Should().Equal(new DateOnly(2018, 5, 7));
        policy.AppropriateAdultAlertMinutes.Should().Be(90);
    }

    [Fact]
    public void Bind_WithoutTheList_KeepsTheOneSetInCode()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SafeguardingRules:Policy:ChildProtection:AppropriateAdultAlertMinutes"] = "90",
        }).Build();
        var services = new ServiceCollection()
            .AddSafeguardingRules(options => options.Policy.ChildProtection.NonWorkingDays = [new DateOnly(2018, 12, 25)])
            .AddSafeguardingRules(configuration.GetSection("SafeguardingRules"));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<SafeguardingRulesOptions>>().Value.Policy.ChildProtection.NonWorkingDays.Should().Equal(new DateOnly(2018, 12, 25));
    }
}
