using System.Text;
using System.Text.Json.Nodes;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Records;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Tests.Records;

/// <summary>Contract section 8, <c>verify</c>: a findings document checked against the snapshot, policy and rules.</summary>
public sealed class FindingsVerifierTests
{
    private static readonly SafeguardingEngine Engine = new();

    private static readonly CaseloadSnapshot Sample =
        SyntheticCaseload.Generate(new SyntheticCaseloadOptions { Offenders = 300, Seed = 3, AsOf = new DateOnly(2018, 5, 1) });

    [Fact]
    public void Verify_SnapshotBuiltInCode_IsVerified()
    {
        var result = FindingsVerifier.Verify(Document(Engine.Evaluate(Sample)), FromCode, Engine);

        result.Outcome.Should().Be(VerificationOutcome.Verified, result.Message);
        result.Difference.Should().BeNull();
    }

    [Fact]
    public void Verify_EarlierAsOfDate_ReevaluatesAsOfTheDocumentsDate()
    {
        var report = Engine.Evaluate(Sample, new EvaluationOptions { AsOf = new DateOnly(2018, 3, 1) });

        FindingsVerifier.Verify(Document(report), FromCode, Engine).Outcome.Should().Be(VerificationOutcome.Verified);
    }

    [Fact]
    public void Verify_ChangedEscalation_NamesThePathAndTheFinding()
    {
        var report = Engine.Evaluate(Sample);
        var document = JsonNode.Parse(Document(report))!;
        var findings = document["findings"]!.AsArray();
        var index = findings.Select((f, i) => (f, i)).First(x => x.f!["escalateTo"] is not null).i;
        findings[index]!["escalateTo"] = findings[index]!["escalateTo"]!.GetValue<string>() == "Supervisor" ? "OffenderManager" : "Supervisor";

        var result = FindingsVerifier.Verify(Encoding.UTF8.GetBytes(document.ToJsonString()), FromCode, Engine);

        result.Outcome.Should().Be(VerificationOutcome.Differs);
        result.Difference.Should().Be("findings[" + index + "].escalateTo");
        result.FindingId.Should().Be(report.Findings[index].Id);
    }

    [Fact]
    public void Verify_ChangedSummaryCount_NamesItsPath()
    {
        var document = JsonNode.Parse(Document(Engine.Evaluate(Sample)))!;
        document["summary"]!["visitOverdue"] = 1000;

        var result = FindingsVerifier.Verify(Encoding.UTF8.GetBytes(document.ToJsonString()), FromCode, Engine);

        result.Difference.Should().Be("summary.visitOverdue");
    }

    [Fact]
    public void Verify_OtherPolicy_NamesPolicySha256()
    {
        var policy = new SafeguardingPolicy { DueSoonDays = 7 };

        var result = FindingsVerifier.Verify(Document(Engine.Evaluate(Sample)), FromCode, Engine, policy);

        result.Difference.Should().Be("policySha256");
    }

    [Fact]
    public void Verify_RuleSwitchedOff_NamesRulesSha256()
    {
        var fewer = new SafeguardingEngine(new SafeguardingRulesOptions { DisabledRules = { RuleNames.VisitDueSoon } });

        var result = FindingsVerifier.Verify(Document(Engine.Evaluate(Sample)), FromCode, fewer);

        result.Difference.Should().Be("rulesSha256");
    }

    [Fact]
    public void Verify_SnapshotReadFromAFile_IsVerifiedAgainstTheFilesBytes_NotAgainstTheSameRecordsWrittenAgain()
    {
        using var file = new MemoryStream();
        SnapshotJson.Write(Sample, file, indented: true);
        var read = SnapshotJson.Read(file.ToArray());
        var document = Document(Engine.Evaluate(read));

        FindingsVerifier.Verify(document, read, Engine).Outcome.Should().Be(VerificationOutcome.Verified);
        FindingsVerifier.Verify(document, FromCode, Engine).Difference.Should().Be("snapshotSha256");
    }

    [Fact]
    public void Verify_ChangedAsOfInstant_NamesIt()
    {
        var document = JsonNode.Parse(Document(Engine.Evaluate(Sample)))!;
        document["record"]!["asOfInstant"] = "2018-05-02T00:00:00Z";

        var result = FindingsVerifier.Verify(Encoding.UTF8.GetBytes(document.ToJsonString()), FromCode, Engine);

        result.Difference.Should().Be("record.asOfInstant");
        Sample.ExtractedAt.Should().BeNull();
        result.Message.Should().Contain("the snapshot has no extractedAt").And.NotContain("the snapshot's extractedAt is");
    }

    [Fact]
    public void Verify_ChangedAsOfInstant_SnapshotHasExtractedAt_BlamesTheExtractedAt()
    {
        var snapshot = SnapshotReadResult.FromCode(Extracted);
        var document = JsonNode.Parse(Document(Engine.Evaluate(snapshot)))!;
        document["record"]!["asOfInstant"] = "2018-04-30T12:00:00Z";

        var result = FindingsVerifier.Verify(Encoding.UTF8.GetBytes(document.ToJsonString()), snapshot, Engine);

        result.Difference.Should().Be("record.asOfInstant");
        result.Message.Should().Contain("the snapshot's extractedAt is not the as-of instant");
    }

    [Fact]
    public void Verify_DocumentWrittenAtTheSnapshotsExtractedAt_ReevaluatesAtThatInstant()
    {
        var snapshot = SnapshotReadResult.FromCode(Extracted);
        var report = Engine.Evaluate(snapshot);
        ReasonsDiffer(report, Engine.Evaluate(snapshot, new EvaluationOptions { AsOf = Extracted.AsOf }));

        var result = FindingsVerifier.Verify(Document(report), snapshot, Engine);

        result.Outcome.Should().Be(VerificationOutcome.Verified, result.Message);
    }

    [Fact]
    public void Verify_DocumentWrittenWithACallerDate_SnapshotHasExtractedAt_ReevaluatesAtTheEndOfThatDate()
    {
        var snapshot = SnapshotReadResult.FromCode(Extracted);
        var report = Engine.Evaluate(snapshot, new EvaluationOptions { AsOf = new DateOnly(2018, 5, 1) });
        ReasonsDiffer(report, Engine.Evaluate(snapshot));

        FindingsVerifier.Verify(Document(report), snapshot, Engine).Outcome.Should().Be(VerificationOutcome.Verified);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{ "asOf": "2018-05-01", "findings": [] }""")]
    [InlineData("""{ "findings": [], "record": {} }""")]
    [InlineData("""{ "asOf": "2018-05-01", "record": { "asOfInstant": "2018-05-01T23:00:00Z" } }""")]
    [InlineData("""{ "asOf": "2018-05-01", "findings": [], "record": { "asOfInstant": "\uD800", "snapshotSha256": "", "policySha256": "", "rulesSha256": "", "findingsSha256": "" } }""")]
    public void Verify_NotAFindingsDocumentWithARecord_IsUnreadable(string json)
    {
        var result = FindingsVerifier.Verify(Encoding.UTF8.GetBytes(json), FromCode, Engine);

        result.Outcome.Should().Be(VerificationOutcome.Unreadable);
    }

    [Fact]
    public void Verify_NotJson_NamesTheLineAndPositionCountedFromOneAndQuotesNothing()
    {
        var result = FindingsVerifier.Verify("{\n  \"asOf\": Smith }"u8, FromCode, Engine);

        result.Outcome.Should().Be(VerificationOutcome.Unreadable);
        result.Message.Should().Contain("line 2, byte position 11", "the S of Smith is the eleventh byte of the second line");
        result.Message.Should().NotContain("'S'", "the parser's own message quotes the document's text").And.NotContain("LineNumber");
    }

    [Fact]
    public void Verify_CancelledToken_ThrowsOperationCanceledException()
    {
        var document = Document(Engine.Evaluate(Sample));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var verify = () => FindingsVerifier.Verify(document, FromCode, Engine, cancellationToken: cancelled.Token);

        verify.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Verify_Token_IsPassedToTheReevaluation()
    {
        var evaluator = new TokenRecordingEvaluator(Engine);
        using var source = new CancellationTokenSource();

        var result = FindingsVerifier.Verify(Document(Engine.Evaluate(Sample)), FromCode, evaluator, cancellationToken: source.Token);

        result.Outcome.Should().Be(VerificationOutcome.Verified, result.Message);
        evaluator.Tokens.Should().Equal([source.Token], "the one re-evaluation is given the caller's token");
    }

    [Fact]
    public void Verify_CancelledDuringTheReevaluation_ThrowsOperationCanceledException()
    {
        using var source = new CancellationTokenSource();
        var evaluator = new TokenRecordingEvaluator(Engine, cancelFirst: source);

        var verify = () => FindingsVerifier.Verify(Document(Engine.Evaluate(Sample)), FromCode, evaluator, cancellationToken: source.Token);

        verify.Should().Throw<OperationCanceledException>("the evaluation honours the token it was given");
        evaluator.Tokens.Should().ContainSingle();
    }

    /// <summary>Records the tokens each evaluation is given, then evaluates with the engine (cancelling a source first when given one).</summary>
    private sealed class TokenRecordingEvaluator(SafeguardingEngine engine, CancellationTokenSource? cancelFirst = null) : ISafeguardingEvaluator
    {
        public List<CancellationToken> Tokens { get; } = [];

        public IReadOnlyList<RuleInfo> Rules => engine.Rules;

        public EvaluationReport Evaluate(CaseloadSnapshot snapshot, EvaluationOptions? options = null, CancellationToken cancellationToken = default) =>
            Evaluate(SnapshotReadResult.FromCode(snapshot), options, cancellationToken);

        public EvaluationReport Evaluate(SnapshotReadResult input, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
        {
            Tokens.Add(cancellationToken);
            cancelFirst?.Cancel();
            return engine.Evaluate(input, options, cancellationToken);
        }
    }

    private static SnapshotReadResult FromCode => SnapshotReadResult.FromCode(Sample);

    /// <summary>
    /// Extracted at 21:00 UK time on 1 May 2018, when a juvenile authorised at 18:00 has waited three hours for an
    /// appropriate adult, who arrived at 21:30: at T = extractedAt the juvenile is still waiting, at the end of the day
    /// the adult has arrived, so the two instants give different findings and verifying at the wrong one would differ.
    /// </summary>
    private static CaseloadSnapshot Extracted { get; } = new()
    {
        AsOf = new DateOnly(2018, 5, 1),
        ExtractedAt = new DateTimeOffset(2018, 5, 1, 21, 0, 0, TimeSpan.FromHours(1)),
        Offenders = [],
        Detentions =
        [
            new Detention
            {
                Id = "CUS-1",
                CustodySuiteId = "CS-1",
                Juvenile = true,
                AuthorisedAt = new DateTimeOffset(2018, 5, 1, 18, 0, 0, TimeSpan.FromHours(1)),
                AppropriateAdultArrivedAt = new DateTimeOffset(2018, 5, 1, 21, 30, 0, TimeSpan.FromHours(1)),
            },
        ],
    };

    private static void ReasonsDiffer(EvaluationReport atOneInstant, EvaluationReport atTheOther)
    {
        var one = atOneInstant.Findings.Should().ContainSingle(f => f.Kind == FindingKinds.AppropriateAdultDelayed).Subject;
        var other = atTheOther.Findings.Should().ContainSingle(f => f.Kind == FindingKinds.AppropriateAdultDelayed).Subject;
        one.Reason.Should().NotBe(other.Reason, "the test needs a finding that depends on the as-of instant");
    }

    private static byte[] Document(EvaluationReport report)
    {
        using var stream = new MemoryStream();
        FindingsJson.Write(report, stream);
        return stream.ToArray();
    }
}
