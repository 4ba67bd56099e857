using FluentAssertions;
using Microsoft.Extensions.Logging;
using Safeguarding.Rules.Cli.Diagnostics;
using Xunit;

namespace Safeguarding.Rules.Cli.Tests;

public sealed class PhaseTimingsTests
{
    [Fact]
    public void Write_EngineLinesFromAnotherThread_AreNotTheEvaluationsPhases()
    {
        // The warm-up evaluation runs on the engine's own thread beside the command's evaluation and logs through the
        // same logger: its phases must not stand for the command's, whichever line comes last.
        var timings = new PhaseTimings();
        var command = Phases(check: 81.5, rules: 118.25);
        var warmUp = Phases(check: 2, rules: 3);
        timings.Log(LogLevel.Information, default, command, null, static (_, _) => string.Empty);
        var engineThread = new Thread(() => timings.Log(LogLevel.Information, default, warmUp, null, static (_, _) => string.Empty));
        engineThread.Start();
        engineThread.Join();
        timings.Mark("evaluate");
        var line = new StringWriter();

        timings.Write(line);

        line.ToString().Should().Contain(" checkMs=81.5 ").And.Contain(" rulesMs=118.2").And.NotContain("checkMs=2.0");
    }

    private static List<KeyValuePair<string, object?>> Phases(double check, double rules) =>
        [new("PrepareMs", check), new("RulesMs", rules), new("ReportMs", 0.5)];
}
