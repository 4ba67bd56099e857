using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Synthetic.Tests;

/// <summary>Generated overrides (contract section 8): off by default, from a stream of their own, valid under the default policy.</summary>
public sealed class SyntheticOverridesTests
{
    [Fact]
    public void Generate_DefaultOptions_HasNoOverrides() =>
        SyntheticCaseload.Generate(2000, seed: 5).Overrides.Should().BeEmpty();

    [Fact]
    public void Generate_WithOverrides_LeavesEveryOtherRecordTheSame()
    {
        var without = SyntheticCaseload.Generate(new SyntheticCaseloadOptions { Offenders = 3000, Seed = 77 });
        var with = SyntheticCaseload.Generate(new SyntheticCaseloadOptions { Offenders = 3000, Seed = 77, OverridesPerThousand = 300 });

        with.Overrides.Should().NotBeEmpty();
        with.Teams.Should().Equal(without.Teams);
        with.Managers.Should().Equal(without.Managers);
        with.Offenders.Should().Equal(without.Offenders);
        with.Visits.Should().Equal(without.Visits);
        with.Briefings.Should().Equal(without.Briefings);
    }

    [Fact]
    public void Generate_WithOverrides_IsDeterministicAndValidUnderTheDefaultPolicy()
    {
        var options = new SyntheticCaseloadOptions { Offenders = 2000, Seed = 8, OverridesPerThousand = 500 };
        var snapshot = SyntheticCaseload.Generate(options);

        SyntheticCaseload.Generate(options).Overrides.Should().Equal(snapshot.Overrides);
        new SafeguardingEngine().Evaluate(snapshot).Problems.Should().BeEmpty();
        var asOf = options.AsOf;
        snapshot.Overrides.Should().Contain(o => o.From <= asOf && asOf <= o.Until, "some are active")
            .And.Contain(o => o.Until < asOf, "some have ended")
            .And.Contain(o => o.From > asOf, "some have not started");
        snapshot.Overrides.GroupBy(o => o.FindingId).Should().Contain(g => g.Count() > 1, "some findings have two overrides");
    }
}
