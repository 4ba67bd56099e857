using Microsoft.Extensions.Logging;
using Safeguarding.Rules.Csv.Tests.Support;
using Safeguarding.Rules.Monitoring;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Tests.Privacy;

namespace Safeguarding.Rules.Csv.Tests;

/// <summary>
/// A CSV folder's personal data (extra columns in every file, invalid values, bad quotes: contract section 9) reaches no
/// problem, finding, written document, log line or exception message.
/// </summary>
public sealed class PersonalDataTests
{
    [Theory]
    [InlineData("valid")]
    [InlineData("invalid")]
    [InlineData("document")]
    public void Folder_ReadEvaluatedAndMonitored_HoldsNoPersonalData(string which)
    {
        using var folder = new CsvFolder();
        Action<string> write = which switch
        {
            "valid" => SentinelFolders.WriteValid,
            "invalid" => SentinelFolders.WriteInvalid,
            _ => SentinelFolders.WriteInvalidDocument,
        };
        write(folder.Path);
        var logger = new Logger();
        var engine = new SafeguardingEngine(new SafeguardingRulesOptions(), logger: logger);
        var texts = new List<string>();

        foreach (var read in new[] { SnapshotCsv.ReadFolder(folder.Path), SnapshotFiles.Read(folder.Path) })
        {
            texts.AddRange(read.Problems.Select(static p => p.ToString()));
            foreach (var options in new[] { new EvaluationOptions(), new EvaluationOptions { AllowPartialResults = true } })
            {
                var report = engine.Evaluate(read, options);
                texts.AddRange(report.Problems.Select(static p => p.ToString() + " " + p.File + ":" + p.Line + ":" + p.Column));
                if (report.IsEvaluated)
                {
                    using var findings = new MemoryStream();
                    FindingsJson.Write(report, findings);
                    texts.Add(findings.Utf8());
                }

                var loaded = SafeguardingMonitor.Load(engine, read.Snapshot, options);
                texts.AddRange(loaded.Problems.Select(static p => p.ToString()));
            }

            using var snapshot = new MemoryStream();
            SnapshotJson.Write(read.Snapshot, snapshot);
            texts.Add(snapshot.Utf8());
            var written = Path.Combine(folder.Path, "written-" + Guid.NewGuid().ToString("N"));
            SnapshotCsv.WriteFolder(read.Snapshot, written);
            texts.AddRange(Directory.EnumerateFiles(written).Select(File.ReadAllText));
        }

        if (which == "valid")
        {
            SnapshotCsv.ReadFolder(folder.Path).Problems.Should().BeEmpty("extra columns are ignored");
        }
        else
        {
            SnapshotCsv.ReadFolder(folder.Path).Problems.Should().NotBeEmpty();
        }

        texts.ShouldHoldNone(which + " folder");
        logger.Texts.ShouldHoldNone(which + " folder: log lines");
        logger.Texts.Should().NotBeEmpty();
    }

    /// <summary>Keeps every message and exception the engine logs.</summary>
    private sealed class Logger : ILogger<SafeguardingEngine>
    {
        public List<string> Texts { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Texts)
            {
                Texts.Add(formatter(state, exception) + " " + exception);
            }
        }
    }
}
