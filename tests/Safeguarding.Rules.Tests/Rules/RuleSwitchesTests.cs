using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Tests.Hosting;

namespace Safeguarding.Rules.Tests.Rules;

/// <summary>
/// The names and tags the rule switches are checked against: the built-in rules' are scanned once per process, a host's
/// rule classes each time, and an engine compiles no rule that is switched off. Work is counted, not timed.
/// </summary>
public sealed class RuleSwitchesTests
{
    [Fact]
    public void BuiltIn_NamesAndTags_AreThoseOfTheFullEngine()
    {
        var rules = new SafeguardingEngine().Rules;

        RuleSwitches.BuiltIn.Names.Should().BeEquivalentTo(rules.Select(static r => r.Name));
        RuleSwitches.BuiltIn.Tags.Should().BeEquivalentTo(rules.SelectMany(static r => r.Tags).Distinct());
    }

    [Fact]
    public void Of_BuiltInRulesScannedOncePerProcess_HostRuleClassesEachTime()
    {
        var first = RuleSwitches.Of([]); // the built-in rules scanned here, or by another test already
        var counts = RuleWork.Count();

        var builtInOnly = RuleSwitches.Of([]);
        counts.TypesScanned.Should().Be(0, "the built-in rules' metadata never changes");
        var withHost = RuleSwitches.Of([typeof(OptionsProblemTests.TaggedHostRule), typeof(OptionsProblemTests.TaggedHostRule)]);
        counts.TypesScanned.Should().Be(1, "only the host's rule class is scanned");
        RuleSwitches.Of([typeof(OptionsProblemTests.TaggedHostRule)]);
        counts.TypesScanned.Should().Be(2);

        builtInOnly.Names.Should().BeEquivalentTo(first.Names);
        withHost.Names.Should().BeEquivalentTo(first.Names.Append("TaggedHostRule"));
        withHost.Tags.Should().BeEquivalentTo(first.Tags.Append("HostArea"));
        RuleSwitches.Of([]).Names.Should().NotContain("TaggedHostRule", "a host's names are not added to the built-in ones");
        RuleSwitches.BuiltIn.Tags.Should().NotContain("HostArea");
    }

    [Fact]
    public void Of_FromManyThreadsAtOnce_EachGetsItsOwnRules()
    {
        var results = new (IReadOnlySet<string> Names, IReadOnlySet<string> Tags)[16];

        Parallel.For(0, results.Length, i => results[i] = RuleSwitches.Of(i % 2 == 0 ? [] : [typeof(OptionsProblemTests.TaggedHostRule)]));

        for (var i = 0; i < results.Length; i++)
        {
            results[i].Names.Should().HaveCount(RuleSwitches.BuiltIn.Names.Count + (i % 2));
            results[i].Names.Contains("TaggedHostRule").Should().Be(i % 2 == 1);
        }
    }

    [Fact]
    public void Constructor_RuleSwitchedOff_IsNotCompiled()
    {
        RuleSwitches.Of([]);
        var options = new SafeguardingRulesOptions().DisableTag(RuleTags.ChildProtection);
        var counts = RuleWork.Count();

        var engine = new SafeguardingEngine(options);

        counts.RulesCompiled.Should().Be(engine.Rules.Count).And.BeLessThan(RuleSwitches.BuiltIn.Names.Count);
        counts.TypesScanned.Should().Be(0, "the switches are checked against the built-in rules scanned already");
    }

    [Fact]
    public void Constructor_EveryRuleSwitchedOff_CompilesNoRule()
    {
        var options = new SafeguardingRulesOptions();
        foreach (var name in RuleSwitches.BuiltIn.Names)
        {
            options.DisableRule(name);
        }

        var counts = RuleWork.Count();
        var engine = new SafeguardingEngine(options);

        engine.Rules.Should().BeEmpty();
        counts.RulesCompiled.Should().Be(0);
    }

    [Fact]
    public void Constructor_NoRuleSwitchedOff_CompilesEveryRule()
    {
        var counts = RuleWork.Count();

        _ = new SafeguardingEngine();

        counts.RulesCompiled.Should().Be(RuleSwitches.BuiltIn.Names.Count, "the count is of the rules compiled");
    }
}
