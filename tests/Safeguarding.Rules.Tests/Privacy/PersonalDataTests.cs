using System.Text;
using Microsoft.Extensions.Logging;
using Safeguarding.Rules.Changes;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Explanations;
using Safeguarding.Rules.Impact;
using Safeguarding.Rules.Monitoring;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Records;
using Safeguarding.Rules.Serialization;
using static Safeguarding.Rules.Tests.Privacy.PersonalData;

namespace Safeguarding.Rules.Tests.Privacy;

/// <summary>
/// Personal data never reaches findings, logs or exception messages (contract sections 3, 5 and 8): the sentinels planted
/// in unknown members and as invalid values go through every path of the library API, and no output, problem, log line or
/// exception holds them or a part of them.
/// </summary>
public sealed class PersonalDataTests
{
    private static readonly DateOnly AsOf = new(2018, 5, 1);

    public static TheoryData<string> Snapshots => new()
    {
        nameof(SentinelDocuments.ValidWithExtras),
        nameof(SentinelDocuments.InvalidValues),
        nameof(SentinelDocuments.InvalidDocumentValues),
    };

    public static TheoryData<int> MalformedSnapshots => new(Enumerable.Range(0, SentinelDocuments.Malformed.Count));

    public static TheoryData<int> MalformedPolicies => new(Enumerable.Range(0, SentinelDocuments.MalformedPolicies.Count));

    [Fact]
    public void ValidSnapshot_WithPersonalDataInUnknownMembers_IsReadWithoutAProblem()
    {
        var read = SnapshotJson.Read(Encoding.UTF8.GetBytes(SentinelDocuments.ValidWithExtras));

        read.Problems.Should().BeEmpty("unknown members are ignored (contract section 1)");
        var report = new SafeguardingEngine(new SafeguardingRulesOptions()).Evaluate(read);
        report.Findings.Should().Contain(f => f.Kind == FindingKinds.AppropriateAdultDelayed, "the snapshot is evaluated");
        report.Suppressed.Should().ContainSingle(s => s.OverrideId == "OV-7");
    }

    [Fact]
    public void InvalidValues_EveryOneIsAProblemNamingItsRecordAndField()
    {
        var read = SnapshotJson.Read(Encoding.UTF8.GetBytes(SentinelDocuments.InvalidValues));

        var report = new SafeguardingEngine(new SafeguardingRulesOptions()).Evaluate(read);

        var problems = report.Problems.Select(static p => p.ToString()).ToList();
        problems.Should().Contain(
        [
            "offenders[0] (id RSO-1001) riskLevel: unknown value; expected Low, Medium, High or VeryHigh",
            "visits[0] outcome: unknown value; expected Completed, NoAccess or Cancelled",
            "overrides[0] (id OV-7) reasonCode: must be a code of 1-64 characters from A-Z, 0-9 and _ (never free text)",
        ]);
        problems.Should().HaveCountGreaterThan(25, "every invalid value is a problem of its own");
        problems.ShouldHoldNone("the problems");
    }

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void Snapshot_EveryLibraryPath_HoldsNoPersonalData(string name)
    {
        var document = Encoding.UTF8.GetBytes(Document(name));

        var texts = EveryPath(document, out var logs);

        texts.ShouldHoldNone(name + ": results, problems and exception messages");
        logs.ShouldHoldNone(name + ": log lines");
        logs.Should().NotBeEmpty("the engine logs each evaluation");
    }

    [Theory]
    [MemberData(nameof(MalformedSnapshots))]
    public void MalformedSnapshot_TheTokenAtFault_IsNotQuoted(int index)
    {
        var document = Encoding.UTF8.GetBytes(SentinelDocuments.Malformed[index]);

        var texts = EveryPath(document, out var logs);

        var read = SnapshotJson.Read(document);
        read.Problems.Should().NotBeEmpty("the document is not JSON");
        read.Problems.Should().OnlyContain(p => p.Field == "$" || p.Problem.Length > 0);
        texts.ShouldHoldNone("malformed snapshot " + index);
        logs.ShouldHoldNone("malformed snapshot " + index + ": log lines");
    }

    [Fact]
    public void Policy_WithPersonalDataAsItsValues_ProblemsNameThePropertyOnly()
    {
        var read = PolicyJson.Read(Encoding.UTF8.GetBytes(SentinelDocuments.InvalidPolicy));

        read.IsValid.Should().BeFalse();
        read.Problems.Should().HaveCountGreaterThan(15, "every invalid value is a problem of its own");
        read.Problems.Select(static p => p.ToString()).ShouldHoldNone("policy problems");
    }

    [Theory]
    [MemberData(nameof(MalformedPolicies))]
    public void MalformedPolicy_TheTokenAtFault_IsNotQuoted(int index)
    {
        var read = PolicyJson.Read(Encoding.UTF8.GetBytes(SentinelDocuments.MalformedPolicies[index]));

        read.IsValid.Should().BeFalse();
        read.Problems.Select(static p => p.ToString()).ShouldHoldNone("malformed policy " + index);
    }

    [Fact]
    public void EarlierFindings_WithPersonalDataInExtraMembersAndBadValues_ChangesAndVerificationHoldNone()
    {
        using var logging = new RecordingLoggerProvider();
        using var factory = logging.Factory();
        var engine = new SafeguardingEngine(new SafeguardingRulesOptions(), logger: factory.CreateLogger<SafeguardingEngine>());
        var input = SnapshotJson.Read(Encoding.UTF8.GetBytes(SentinelDocuments.ValidWithExtras));
        var report = engine.Evaluate(input);
        using var written = new MemoryStream();
        FindingsJson.Write(report, written);
        var earlier = Encoding.UTF8.GetBytes(SentinelDocuments.EarlierFindings(written.Utf8()));
        var texts = new List<string>();

        var read = FindingsDocument.Read(earlier);
        texts.AddRange(read.Problems.Select(static p => p.ToString()));
        read.Document.Should().NotBeNull("extra members are ignored and the identity fields are there");
        var changes = FindingChanges.Compare(report, read.Document!);
        changes.Cleared.Should().Be(3);
        using var withChanges = new MemoryStream();
        FindingsJson.WriteWithChanges(report, changes, withChanges);
        texts.Add(withChanges.Utf8());
        texts.AddRange(changes.ClearedFindings.Select(static f => f.ToString()));
        var verified = FindingsVerifier.Verify(earlier, input, engine);
        verified.Outcome.Should().NotBe(VerificationOutcome.Verified, "the document was changed");
        texts.Add(verified.Message);
        texts.Add(verified.Difference ?? string.Empty);

        // The same document with its findings' identity fields of the wrong type is bad input, named by path.
        var broken = System.Text.Json.Nodes.JsonNode.Parse(earlier)!;
        broken["findings"]![0]!["offenderId"] = new System.Text.Json.Nodes.JsonObject { ["name"] = Person };
        broken["findings"]![1]!["kind"] = new System.Text.Json.Nodes.JsonArray(Offence);
        broken["schemaVersion"] = Person;
        var rejected = FindingsDocument.Read(Encoding.UTF8.GetBytes(broken.ToJsonString()));
        rejected.Problems.Should().NotBeEmpty();
        texts.AddRange(rejected.Problems.Select(static p => p.ToString()));
        texts.Add(FindingsVerifier.Verify(Encoding.UTF8.GetBytes(broken.ToJsonString()), input, engine).Message);
        foreach (var malformed in new[] { written.Utf8()[..^3] + Person, written.Utf8().Replace("\"default\"", Offence, StringComparison.Ordinal) })
        {
            var notJson = FindingsDocument.Read(Encoding.UTF8.GetBytes(malformed));
            notJson.Problems.Should().NotBeEmpty();
            texts.AddRange(notJson.Problems.Select(static p => p.ToString()));
            texts.Add(FindingsVerifier.Verify(Encoding.UTF8.GetBytes(malformed), input, engine).Message);
        }

        texts.ShouldHoldNone("the earlier findings document's problems, changes and verification");
        logging.Texts.ShouldHoldNone("log lines");
    }

    [Fact]
    public void MonitorChanges_WithPersonalDataAsInvalidValues_ProblemsAndLogsHoldNone()
    {
        using var logging = new RecordingLoggerProvider();
        using var factory = logging.Factory();
        var engine = new SafeguardingEngine(new SafeguardingRulesOptions(), logger: factory.CreateLogger<SafeguardingEngine>());
        var input = SnapshotJson.Read(Encoding.UTF8.GetBytes(SentinelDocuments.ValidWithExtras));
        var monitor = SafeguardingMonitor.Load(engine, input.Snapshot).Monitor!;
        var texts = new List<string>();

        MonitorChange[] changes =
        [
            new OverrideAdded(new Override { Id = "OV-9", FindingId = "VisitOverdue:RSO-1001", ReasonCode = Person + " after " + Offence, AuthorisedBy = "DS-1", From = AsOf, Until = AsOf }),
            new OverrideAdded(new Override { Id = "OV-10", FindingId = "VisitOverdue:RSO-1001", ReasonCode = Offence.ToUpperInvariant().Replace(' ', '_') + new string('X', 60), AuthorisedBy = "DS-1", From = AsOf, Until = AsOf }),
            new OffenderUpdated(input.Snapshot.Offenders[0] with { RiskLevel = (RiskLevel)77, VisitIntervalDays = 0, MappaLevel = 9 }),
            new VisitRecorded(new Visit { OffenderId = "RSO-1001", Date = AsOf, Outcome = (VisitOutcome)42 }),
        ];
        foreach (var change in changes)
        {
            var result = monitor.Apply(change);
            result.IsAccepted.Should().BeFalse("{0} is invalid", change);
            texts.AddRange(result.Problems.Select(static p => p.ToString()));
        }

        using var current = new MemoryStream();
        FindingsJson.Write(monitor.Current, current);
        texts.Add(current.Utf8());
        texts.ShouldHoldNone("the monitor's problems and findings");
        logging.Texts.ShouldHoldNone("log lines");
    }

    private static string Document(string name) => name switch
    {
        nameof(SentinelDocuments.ValidWithExtras) => SentinelDocuments.ValidWithExtras,
        nameof(SentinelDocuments.InvalidValues) => SentinelDocuments.InvalidValues,
        nameof(SentinelDocuments.InvalidDocumentValues) => SentinelDocuments.InvalidDocumentValues,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>
    /// Reads <paramref name="document"/> and runs it through every path a host has: validation, evaluation with and without
    /// partial results, the findings document, explanations of every subject, a policy's impact, the live monitor (loaded
    /// strictly and with partial results) and the snapshot written back. Returns every text produced, every problem and every
    /// exception's message and stack; <paramref name="logs"/> is what the engine logged.
    /// </summary>
    private static List<string> EveryPath(byte[] document, out IReadOnlyList<string> logs)
    {
        using var logging = new RecordingLoggerProvider();
        using var factory = logging.Factory();
        var engine = new SafeguardingEngine(new SafeguardingRulesOptions(), logger: factory.CreateLogger<SafeguardingEngine>());
        var texts = new List<string>();
        var partial = new EvaluationOptions { AllowPartialResults = true };

        var read = Capture(texts, () => SnapshotJson.Read(document));
        using (var stream = new MemoryStream(document))
        {
            Capture(texts, () => SnapshotJson.Read(stream));
        }

        if (read is null)
        {
            logs = logging.Texts;
            return texts;
        }

        texts.AddRange(read.Problems.Select(static p => p.ToString()));
        foreach (var options in new[] { new EvaluationOptions(), partial })
        {
            var report = Capture(texts, () => engine.Evaluate(read, options));
            if (report is null)
            {
                continue;
            }

            texts.AddRange(report.Problems.Select(static p => p.ToString()));
            texts.AddRange(report.Findings.Select(static f => f.ToString()));
            texts.AddRange(report.Suppressed.Select(static f => f.ToString()));
            using var findings = new MemoryStream();
            Capture(texts, () => FindingsJson.Write(report, findings));
            texts.Add(findings.Utf8());
            texts.AddRange(engine.Rules.Select(static r => r.Description));
        }

        ExplainSubject[] subjects =
        [
            ExplainSubject.Offender("RSO-1001"), ExplainSubject.Offender("RSO-1002"), ExplainSubject.Offender("RSO-1003"),
            ExplainSubject.Offender("RSO-1004"), ExplainSubject.Manager("OM-4"), ExplainSubject.Team("T-SOUTH"),
            ExplainSubject.Discussion("SD-0412"), ExplainSubject.Detention("CUS-00931"), ExplainSubject.Protection("PP-0077"),
        ];
        foreach (var subject in subjects)
        {
            foreach (var options in new[] { new EvaluationOptions(), partial })
            {
                var explanation = Capture(texts, () => engine.Explain(read, subject, options));
                if (explanation is not null)
                {
                    using var json = new MemoryStream();
                    Capture(texts, () => ExplanationJson.Write(explanation, json));
                    texts.Add(json.Utf8());
                }
            }
        }

        var proposed = new SafeguardingPolicy { Version = "proposed" };
        proposed.VisitIntervalDays.High = 30;
        var impact = Capture(texts, () => PolicyImpact.Compare(engine, read, proposed, asOf: AsOf));
        if (impact is not null)
        {
            using var json = new MemoryStream();
            Capture(texts, () => ImpactJson.Write(impact, json));
            texts.Add(json.Utf8());
        }

        foreach (var options in new[] { new EvaluationOptions(), partial })
        {
            var loaded = Capture(texts, () => SafeguardingMonitor.Load(engine, read.Snapshot, options));
            texts.AddRange(loaded?.Problems.Select(static p => p.ToString()) ?? []);
            if (loaded?.Monitor is { } monitor)
            {
                var result = Capture(texts, () => monitor.Apply(new AsOfAdvanced(AsOf.AddDays(40))));
                texts.AddRange(result?.Problems.Select(static p => p.ToString()) ?? []);
                texts.AddRange(result?.Findings.Select(static f => f.ToString()) ?? []);
                using var json = new MemoryStream();
                Capture(texts, () => FindingsJson.Write(monitor.Current, json));
                texts.Add(json.Utf8());
            }
        }

        using var snapshot = new MemoryStream();
        Capture(texts, () => SnapshotJson.Write(read.Snapshot, snapshot));
        texts.Add(snapshot.Utf8());
        logs = logging.Texts;
        return texts;
    }

    private static T? Capture<T>(List<string> texts, Func<T> action)
        where T : class
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            texts.Add(e.ToString());
            return null;
        }
    }

    private static void Capture(List<string> texts, Action action) => Capture<object>(texts, () =>
    {
        action();
        return string.Empty;
    });
}
