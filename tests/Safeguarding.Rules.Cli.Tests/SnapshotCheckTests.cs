using Safeguarding.Rules.Cli.Input;
using Safeguarding.Rules.Cli.Tests.Support;
using Safeguarding.Rules.Evaluation;

namespace Safeguarding.Rules.Cli.Tests;

/// <summary>
/// The engine that checks a snapshot for <c>validate</c> (and for commands that found policy problems) switches every
/// rule off, and compiles none: not even to learn the rules' names. Work is counted, not timed.
/// </summary>
public sealed class SnapshotCheckTests
{
    [Fact]
    public void CheckingOptions_SwitchOffEveryRuleTheFullEngineRuns()
    {
        var all = new SafeguardingEngine().Rules.Select(static r => r.Name);

        SnapshotCheck.CheckingOptions().DisabledRules.Should().BeEquivalentTo(all);
        SnapshotCheck.CheckingOptions().DisabledTags.Should().BeEmpty();
    }

    [Fact]
    public async Task StartEngine_CompilesNoRule()
    {
        var counts = RuleWork.Count();

        var engine = await SnapshotCheck.StartEngine();

        engine.Rules.Should().BeEmpty();
        counts.RulesCompiled.Should().Be(0, "the checking engine runs no rule, so it needs none compiled, even for the names");
    }

    [Fact]
    public async Task StartEngine_ChecksAsTheFullEngineDoes_AndConcludesNothing()
    {
        var json = Snapshots.OneOverdue();
        json["offenders"]!.AsArray().Add(Snapshots.Offender("RSO-BAD", "Extreme"));
        var input = Serialization.SnapshotJson.Read(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));
        var options = new EvaluationOptions { AllowPartialResults = true };

        var checkedOnly = (await SnapshotCheck.StartEngine()).Evaluate(input, options);
        var full = new SafeguardingEngine().Evaluate(input, options);

        checkedOnly.Problems.Should().NotBeEmpty().And.BeEquivalentTo(full.Problems, o => o.WithStrictOrdering());
        checkedOnly.Findings.Should().BeEmpty();
        checkedOnly.FiredRules.Should().BeEmpty();
        full.Findings.Should().NotBeEmpty();
    }
}

/// <summary><c>explain --disable-rule</c> checks the names it is given without compiling an engine only to list the rules.</summary>
public sealed class ExplainEngineTests
{
    [Fact]
    public void Engine_RuleSwitchedOff_CompilesOnlyTheRulesItRuns()
    {
        var counts = Evaluation.RuleWork.Count();

        var engine = Commands.ExplainCommand.Engine([RuleNames.VisitDueSoon]);
        var compiled = counts.RulesCompiled;

        engine.Rules.Select(static r => r.Name).Should().NotContain(RuleNames.VisitDueSoon).And.HaveCount(RuleSwitches.BuiltIn.Names.Count - 1);
        compiled.Should().Be(engine.Rules.Count, "no engine is compiled only to list the rules");
    }

    [Fact]
    public void Engine_UnknownRule_IsBadUsageNamingIt()
    {
        var act = () => Commands.ExplainCommand.Engine(["NoSuchRule", RuleNames.Unallocated, "NoSuchRule"]);

        act.Should().Throw<ExpectedFailureException>().Which.Problems.Should().Equal(
            "--disable-rule: no rule is named 'NoSuchRule'; 'safeguarding-rules rules' lists them.");
    }
}
