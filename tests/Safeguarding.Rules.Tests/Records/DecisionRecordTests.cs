using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Safeguarding.Rules.Changes;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Synthetic;
using Safeguarding.Rules.Tests.Findings;
using Safeguarding.Rules.Tests.Serialization;

namespace Safeguarding.Rules.Tests.Records;

/// <summary>Contract section 8: the decision record on the report and on every findings document.</summary>
public sealed class DecisionRecordTests
{
    private static readonly SafeguardingEngine Engine = new();

    /// <summary>The default policy of contract section 4 (with section 6's childProtection and section 8's overrides blocks) in RFC 8785 form, written out by hand from the contract.</summary>
    private const string DefaultPolicyCanonical =
        """{"caseload":{"critical":75,"target":50},"childProtection":{"appropriateAdultAlertMinutes":120,"appropriateAdultInspectorMinutes":240,"localAuthorityInformMinutes":240,"nonWorkingDays":[],"policeProtectionMaxHours":72,"strategyOutcomeWorkingDays":1},"dueSoonDays":14,"escalation":{"highRiskInspectorAfterDays":7,"inspectorAfterDays":28,"supervisorAfterDays":14,"unitBacklogPercent":5},"firstVisitDays":28,"initialAssessmentDays":28,"neighbourhoodBriefingDays":7,"overrides":{"kinds":["VisitOverdue","VisitDueSoon","RepeatedNoAccess","RiskReviewOverdue","NeighbourhoodNotBriefed"],"maxDays":90},"repeatedNoAccessVisits":2,"riskReviewDays":365,"version":"default","visitIntervalDays":{"high":91,"low":365,"medium":182,"veryHigh":30}}""";

    [Fact]
    public void Record_SummerAsOfDate_AsOfInstantIsMidnightUkTimeAfterIt()
    {
        var report = Engine.Evaluate(Snapshot(), new EvaluationOptions { AsOf = new DateOnly(2018, 5, 1) });

        report.Record!.AsOfInstant.Should().Be(new DateTimeOffset(2018, 5, 1, 23, 0, 0, TimeSpan.Zero));
        Document(report).GetProperty("record").GetProperty("asOfInstant").GetString().Should().Be("2018-05-01T23:00:00Z");
    }

    [Fact]
    public void Record_WinterAsOfDate_AsOfInstantIsMidnightUtcAfterIt()
    {
        var report = Engine.Evaluate(Snapshot(), new EvaluationOptions { AsOf = new DateOnly(2018, 1, 10) });

        Document(report).GetProperty("record").GetProperty("asOfInstant").GetString().Should().Be("2018-01-11T00:00:00Z");
    }

    [Fact]
    public void Record_SnapshotWithExtractedAt_NoCallerDate_AsOfInstantIsExtractedAtInUtcWithoutFractions()
    {
        var snapshot = new CaseloadSnapshot
        {
            AsOf = new DateOnly(2018, 5, 1),
            ExtractedAt = new DateTimeOffset(2018, 5, 1, 23, 10, 0, TimeSpan.FromHours(1)).AddTicks(9_999_999),
        };

        var report = Engine.Evaluate(snapshot);

        report.Record!.AsOfInstant.Should().Be(snapshot.ExtractedAt.Value);
        Document(report).GetProperty("record").GetProperty("asOfInstant").GetString().Should().Be("2018-05-01T22:10:00Z");
    }

    [Fact]
    public void Record_SnapshotWithExtractedAt_CallerGaveTheDate_AsOfInstantIsTheEndOfThatDate()
    {
        var snapshot = new CaseloadSnapshot
        {
            AsOf = new DateOnly(2018, 5, 1),
            ExtractedAt = new DateTimeOffset(2018, 5, 1, 23, 10, 0, TimeSpan.FromHours(1)),
        };

        var report = Engine.Evaluate(snapshot, new EvaluationOptions { AsOf = new DateOnly(2018, 5, 1) });

        Document(report).GetProperty("record").GetProperty("asOfInstant").GetString().Should().Be("2018-05-01T23:00:00Z");
    }

    [Fact]
    public void Record_DefaultPolicy_PolicySha256IsOfTheContractsDefaultsInCanonicalForm()
    {
        var report = Engine.Evaluate(Snapshot());

        report.Record!.PolicySha256.Should().Be(Sha256(DefaultPolicyCanonical));
    }

    [Fact]
    public void Record_ChangedPolicyValue_ChangesPolicyAndRulesHashes()
    {
        var policy = new SafeguardingPolicy();
        policy.VisitIntervalDays.High = 60;

        var standard = Engine.Evaluate(Snapshot()).Record!;
        var changed = Engine.Evaluate(Snapshot(), new EvaluationOptions { Policy = policy }).Record!;

        changed.PolicySha256.Should().NotBe(standard.PolicySha256);
        changed.RulesSha256.Should().NotBe(standard.RulesSha256, "the catalogue's descriptions show the policy's values");
        changed.SnapshotSha256.Should().Be(standard.SnapshotSha256);
    }

    [Fact]
    public void Record_RulesSha256_IsOfTheCatalogueJsonInCanonicalForm()
    {
        using var catalogue = new MemoryStream();
        RuleCatalogueJson.Write(Engine.Rules, catalogue);

        var record = Engine.Evaluate(Snapshot()).Record!;

        record.RulesSha256.Should().Be(Sha256(SortedCompact(catalogue.ToArray())));
    }

    [Fact]
    public void Record_RuleSwitchedOff_ChangesRulesSha256()
    {
        var fewer = new SafeguardingEngine(new SafeguardingRulesOptions { DisabledRules = { RuleNames.VisitDueSoon } });

        fewer.Evaluate(Snapshot()).Record!.RulesSha256.Should().NotBe(Engine.Evaluate(Snapshot()).Record!.RulesSha256);
    }

    [Fact]
    public void Record_FindingsSha256_IsOfTheDocumentsFindingsArrayInCanonicalForm()
    {
        var report = Engine.Evaluate(Snapshot());
        report.Findings.Should().NotBeEmpty();
        var findings = Document(report).GetProperty("findings").GetRawText();

        report.Record!.FindingsSha256.Should().Be(Sha256(SortedCompact(Encoding.UTF8.GetBytes(findings))));
    }

    [Fact]
    public void Record_FindingsSha256_GeneratedForceWithEveryRecordKind_IsOfTheDocumentsFindingsArrayInCanonicalForm()
    {
        // Child protection, overrides and rejected records too: every member each kind writes, in the canonical order.
        var snapshot = SyntheticCaseload.Generate(new SyntheticCaseloadOptions
        {
            Offenders = 3000,
            Seed = 9,
            OverridesPerThousand = 20,
            StrategyDiscussionsPerThousandOffenders = 100,
            DetentionsPerThousandOffenders = 200,
            JuvenileDetentionsPerThousand = 150,
            PoliceProtectionsPerThousandOffenders = 10,
        });
        var report = Engine.Evaluate(snapshot, new EvaluationOptions { AllowPartialResults = true });
        report.Findings.Select(static f => f.Kind).Distinct().Should().HaveCountGreaterThanOrEqualTo(10);
        var findings = Document(report).GetProperty("findings").GetRawText();

        report.Record!.FindingsSha256.Should().Be(Sha256(SortedCompact(Encoding.UTF8.GetBytes(findings))));
    }

    [Theory]
    [InlineData("quote \" and backslash \\")]
    [InlineData("line\nfeed, tab\t, bell\u0007, escape\u001b")]
    [InlineData("non-ASCII: caf\u00e9, \u00a3, \u2028, \ud83d\ude00")]
    [InlineData("what a browser-safe encoder escapes: <script> & 'quotes' + more")]
    [InlineData("plain text")]
    public void FindingsSha256_TextThatNeedsEscapes_IsTheCanonicalizersHashOfTheWrittenFindings(string reason)
    {
        Finding[] findings =
        [
            new() { Kind = FindingKinds.VisitOverdue, Rule = RuleNames.VisitOverdue, Reason = reason, OffenderId = "O-1", ManagerId = "M-1", TeamId = "T-1", RiskLevel = RiskLevel.High, DueOn = new DateOnly(2018, 4, 1), DaysOverdue = 30, EscalateTo = EscalationLevel.DetectiveInspector },
            new() { Kind = "HostCheck", Rule = "Host rule " + reason, Reason = "ok", OffenderId = reason },
        ];

        Safeguarding.Rules.Records.DecisionRecords.FindingsSha256(findings).Should().Be(CanonicalizerHash(findings));
    }

    /// <summary>The findings array's hash as the canonicalizer makes it from each finding as the document writes it.</summary>
    private static string CanonicalizerHash(IReadOnlyList<Finding> findings)
    {
        var canonical = new List<byte>("["u8.ToArray());
        for (var i = 0; i < findings.Count; i++)
        {
            var written = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(written, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                FindingsJson.WriteFinding(writer, findings[i], i, findings[i].Id, change: null, EarlierText.Both);
            }

            if (i > 0)
            {
                canonical.Add((byte)',');
            }

            canonical.AddRange(Safeguarding.Rules.Records.JsonCanonicalizer.Canonicalize(written.WrittenSpan));
        }

        canonical.Add((byte)']');
        return Convert.ToHexString(SHA256.HashData(canonical.ToArray())).ToLowerInvariant();
    }

    [Fact]
    public void Record_DocumentWithChanges_HasTheSameRecordAsWithout()
    {
        var report = Engine.Evaluate(Snapshot());
        var earlier = FindingsDocument.Read(Encoding.UTF8.GetBytes("""{ "findings": [] }""")).Document!;
        var changes = FindingChanges.Compare(report, earlier);
        using var withChanges = new MemoryStream();
        FindingsJson.WriteWithChanges(report, changes, withChanges);

        using var document = JsonDocument.Parse(withChanges.ToArray());

        document.RootElement.GetProperty("findings")[0].GetProperty("change").GetString().Should().Be("Raised");
        document.RootElement.GetProperty("record").GetRawText().Should().Be(Document(report).GetProperty("record").GetRawText());
    }

    [Fact]
    public void Record_SnapshotBuiltInCode_SnapshotSha256IsOfItsJsonAsTheLibraryWritesIt()
    {
        var snapshot = Snapshot().Snapshot;
        using var written = new MemoryStream();
        SnapshotJson.Write(snapshot, written);

        Engine.Evaluate(snapshot).Record!.SnapshotSha256.Should().Be(Convert.ToHexString(SHA256.HashData(written.ToArray())).ToLowerInvariant());
    }

    [Fact]
    public void Record_SnapshotReadFromBytes_SnapshotSha256IsOfThoseBytes()
    {
        var bytes = Encoding.UTF8.GetBytes(JsonText.ContractSnapshot);

        var record = Engine.Evaluate(SnapshotJson.Read(bytes)).Record!;

        record.SnapshotSha256.Should().Be(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant());
    }

    [Fact]
    public void Record_AskedTwice_IsTheSameRecord()
    {
        var report = Engine.Evaluate(Snapshot());

        report.Record.Should().BeSameAs(report.Record);
    }

    [Fact]
    public void Write_Document_EndsWithTheRecordInTheContractsOrder()
    {
        var root = Document(Engine.Evaluate(Snapshot()));

        root.EnumerateObject().Last().Name.Should().Be("record");
        root.GetProperty("record").EnumerateObject().Select(p => p.Name).Should().Equal(
            "asOfInstant", "snapshotSha256", "policySha256", "rulesSha256", "findingsSha256");
        root.GetProperty("record").EnumerateObject().Skip(1).Should().AllSatisfy(p => p.Value.GetString().Should().MatchRegex("^[0-9a-f]{64}$"));
    }

    [Fact]
    public void Record_HandMadeReport_IsNullAndTheDocumentHasNoRecord()
    {
        var report = HandReports.Of(new DateOnly(2018, 5, 1));

        report.Record.Should().BeNull();
        Document(report).TryGetProperty("record", out _).Should().BeFalse();
    }

    [Fact]
    public void Record_NotEvaluated_IsNull()
    {
        var report = Engine.Evaluate(JsonText.Read("""{ "offenders": [ { "id": "RSO-1" } ] }"""));

        report.IsEvaluated.Should().BeFalse();
        report.Record.Should().BeNull();
    }

    private static SnapshotReadResult Snapshot() => JsonText.Read(JsonText.ContractSnapshot);

    private static JsonElement Document(EvaluationReport report)
    {
        using var stream = new MemoryStream();
        FindingsJson.Write(report, stream);
        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    private static string Sha256(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    /// <summary>
    /// RFC 8785 for the ASCII text, whole numbers and shallow shapes these documents hold, done another way: properties
    /// sorted ordinally, written compactly escaping only what JSON requires.
    /// </summary>
    private static string SortedCompact(byte[] json)
    {
        var node = Sort(JsonNode.Parse(json));
        return node!.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = false });
    }

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sort(p.Value?.DeepClone())))),
        JsonArray a => new JsonArray(a.Select(e => Sort(e?.DeepClone())).ToArray()),
        _ => node?.DeepClone(),
    };
}
