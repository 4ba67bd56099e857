using Microsoft.Extensions.Logging;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Monitoring;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Tests.Hosting;

public sealed class LoggingTests
{
    [Fact]
    public void Evaluate_LogsCountsAndTimings_NeverAnIdentifier()
    {
        var logger = new RecordingLogger();
        var engine = new SafeguardingEngine(new SafeguardingRulesOptions(), logger: logger);
        var snapshot = SyntheticCaseload.Generate(500, seed: 5);

        engine.Evaluate(snapshot);
        engine.Evaluate(snapshot, new EvaluationOptions { AllowPartialResults = true });

        logger.Messages.Should().Contain(m => m.Contains("Evaluated 500 offender records", StringComparison.Ordinal));
        var identifiers = IdentifiersOf(snapshot);
        logger.Messages.Should().NotContain(m => identifiers.Any(id => m.Contains(id, StringComparison.Ordinal)));
    }

    [Fact]
    public void Evaluate_InvalidInput_LogsOnlyHowManyProblems()
    {
        var logger = new RecordingLogger();
        var engine = new SafeguardingEngine(new SafeguardingRulesOptions(), logger: logger);
        var snapshot = new Domain.CaseloadSnapshot
        {
            AsOf = new DateOnly(2018, 5, 1),
            Offenders = [new Domain.Offender { Id = "RSO-SECRET-1", ManagerId = "OM-404", RiskLevel = Domain.RiskLevel.High, RegisteredOn = new DateOnly(2015, 1, 1) }],
        };

        var report = engine.Evaluate(snapshot);

        report.IsEvaluated.Should().BeFalse();
        logger.Messages.Should().ContainSingle(m => m.Contains("1 input problems", StringComparison.Ordinal));
        logger.Messages.Should().NotContain(m => m.Contains("RSO-SECRET-1", StringComparison.Ordinal) || m.Contains("OM-404", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_LogsWhereTheTimeWent_PhasesAddingUpToTheWhole()
    {
        var logger = new RecordingLogger();
        var engine = new SafeguardingEngine(new SafeguardingRulesOptions(), logger: logger);

        engine.Evaluate(SyntheticCaseload.Generate(2000, seed: 3));

        var evaluated = logger.Values.Single(v => v.ContainsKey("PrepareMs"));
        var (total, prepare, rules, report) = ((double)evaluated["ElapsedMs"]!, (double)evaluated["PrepareMs"]!, (double)evaluated["RulesMs"]!, (double)evaluated["ReportMs"]!);
        new[] { prepare, rules, report }.Should().OnlyContain(ms => ms >= 0);
        (prepare + rules + report).Should().BeApproximately(total, 0.01);
        rules.Should().BePositive();
        logger.Messages.Should().Contain(m => m.Contains("ms in the rules' sessions", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    public void Evaluate_AnyCulture_LogsTheAsOfDateAsIso8601(string culture)
    {
        var logger = new RecordingLogger();
        var engine = new SafeguardingEngine(new SafeguardingRulesOptions(), logger: logger);
        var snapshot = SyntheticCaseload.Generate(10, seed: 5);
        var before = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
        try
        {
            engine.Evaluate(snapshot, new EvaluationOptions { AsOf = new DateOnly(2018, 5, 1) });
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }

        logger.Messages.Should().ContainSingle(m => m.Contains("offender records as of 2018-05-01:", StringComparison.Ordinal));
    }

    [Fact]
    public void MonitorLoad_LogsItsSessionsTimeAndCollector_NeverAnIdentifier()
    {
        var logger = new RecordingLogger();
        var engine = new SafeguardingEngine(new SafeguardingRulesOptions { PartitionSize = 1 }, logger: logger);
        var snapshot = SyntheticCaseload.Generate(600, seed: 7);

        var loaded = SafeguardingMonitor.Load(engine, snapshot);

        loaded.IsLoaded.Should().BeTrue();
        var line = logger.Values.Should().ContainSingle(v => v.ContainsKey("SessionCount")).Subject;
        line["OffenderRecords"].Should().Be(600);
        line["AsOf"].Should().Be(snapshot.AsOf!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        // One session per team with an offender fact (a partition size of one fact packs no two such teams together), one
        // for offenders with no team, one for the child-protection records.
        var teamsWithFacts = loaded.Monitor!.State.Sessions().Skip(2).SelectMany(static s => s.Session.Query<Facts.OffenderCase>()).Select(static f => f.TeamId).Distinct().Count();
        line["SessionCount"].Should().Be(teamsWithFacts + 2);
        ((double)line["ElapsedMs"]!).Should().BePositive();
        line["Collector"].Should().Be(
            (System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")
            + (System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.Batch ? string.Empty : ", background"));
        var identifiers = IdentifiersOf(snapshot);
        logger.Messages.Should().NotContain(m => identifiers.Any(id => m.Contains(id, StringComparison.Ordinal)));
    }

    [Fact]
    public void MonitorLoad_InvalidInput_WarnsWithOnlyHowManyProblems()
    {
        var logger = new RecordingLogger();
        var engine = new SafeguardingEngine(new SafeguardingRulesOptions(), logger: logger);
        var snapshot = new Domain.CaseloadSnapshot
        {
            AsOf = new DateOnly(2018, 5, 1),
            Offenders = [new Domain.Offender { Id = "RSO-SECRET-2", ManagerId = "OM-405", RiskLevel = Domain.RiskLevel.High, RegisteredOn = new DateOnly(2015, 1, 1) }],
        };

        var loaded = SafeguardingMonitor.Load(engine, snapshot);

        loaded.IsLoaded.Should().BeFalse();
        logger.Messages.Should().ContainSingle(m => m.StartsWith("Monitor not loaded: 1 input problems in 1 offender records", StringComparison.Ordinal));
        logger.Messages.Should().NotContain(m => m.Contains("RSO-SECRET-2", StringComparison.Ordinal) || m.Contains("OM-405", StringComparison.Ordinal));
    }

    [Fact]
    public void MonitorApply_UnexpectedFailure_LogsAnErrorNamingOnlyTheKindOfChange()
    {
        var logger = new RecordingLogger();
        var engine = new SafeguardingEngine(new SafeguardingRulesOptions(), logger: logger);
        var snapshot = SyntheticCaseload.Generate(200, seed: 6);
        var monitor = SafeguardingMonitor.Load(engine, snapshot).Monitor!;
        var offender = snapshot.Offenders[0].Id;

        var failing = () => monitor.Apply(new Monitoring.FailingChange(offender));

        failing.Should().Throw<InvalidOperationException>();
        var entry = logger.Entries.Should().ContainSingle(e => e.Level == LogLevel.Error).Subject;
        entry.EventId.Should().Be(6);
        entry.Message.Should().StartWith("Monitor stopped: applying a FailingChange failed unexpectedly");
        entry.Message.Should().NotContain(offender);
        entry.Exception.Should().BeOfType<InvalidOperationException>("the host's logger gets the failure to report");
    }

    /// <summary>The snapshot's offender, manager and neighbourhood identifiers, none of which a log line may hold.</summary>
    private static HashSet<string> IdentifiersOf(Domain.CaseloadSnapshot snapshot) =>
        snapshot.Offenders.Select(o => o.Id)
            .Concat(snapshot.Managers.Select(m => m.Id))
            .Concat(snapshot.Offenders.Where(o => o.NeighbourhoodId is not null).Select(o => o.NeighbourhoodId!))
            .ToHashSet();

    private sealed class RecordingLogger : ILogger<SafeguardingEngine>
    {
        public List<string> Messages { get; } = [];

        /// <summary>Each entry's level, event id, message and exception.</summary>
        public List<(LogLevel Level, int EventId, string Message, Exception? Exception)> Entries { get; } = [];

        /// <summary>The structured values of each entry, by name.</summary>
        public List<Dictionary<string, object?>> Values { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Messages.Add(formatter(state, exception));
            Entries.Add((logLevel, eventId.Id, formatter(state, exception), exception));
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                Values.Add(values.ToDictionary(v => v.Key, v => v.Value));
            }
        }
    }
}
