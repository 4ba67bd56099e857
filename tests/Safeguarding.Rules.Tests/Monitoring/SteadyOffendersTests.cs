using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Monitoring;

namespace Safeguarding.Rules.Tests.Monitoring;

/// <summary>
/// The new day's shortcut (<c>SteadyOffenders</c>) rests on knowing how every rule reads the date, so it is on only for
/// built-in rules someone has checked; <see cref="MonitorNewDayTests"/> checks what it gives.
/// </summary>
public sealed class SteadyOffendersTests
{
    private static readonly HashSet<string> None = [];

    [Fact]
    public void ReviewedRules_EveryBuiltInRule_IsListed()
    {
        // A new built-in rule turns the shortcut off until its use of the date is checked and it is listed.
        var builtIn = CompiledRules.Compile([], None, None, null).Catalogue.Select(static r => r.Name);

        builtIn.Should().NotBeEmpty().And.OnlyContain(name => SteadyOffenders.ReviewedRules.Contains(name));
    }

    [Fact]
    public void For_BuiltInRules_GivesTheShortcut()
    {
        SteadyOffenders.For(CompiledRules.Compile([], None, None, null)).Should().NotBeNull();
    }

    [Fact]
    public void For_BuiltInRulesWithSomeSwitchedOff_GivesTheShortcut()
    {
        var fewer = CompiledRules.Compile([], new HashSet<string>(StringComparer.Ordinal) { RuleNames.EscalateToSupervisor }, None, null);

        SteadyOffenders.For(fewer).Should().NotBeNull();
    }

    [Fact]
    public void For_HostRuleLoaded_GivesNone()
    {
        SteadyOffenders.For(CompiledRules.Compile([typeof(Safeguarding.Rules.Tests.Evaluation.MatchFilterTests.JoinOffenderToManagerRule)], None, None, null)).Should().BeNull();
    }
}
