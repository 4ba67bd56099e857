using System.Security.Cryptography;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Tests.Serialization;

/// <summary>
/// Reading returns the records, the reading's problems and the SHA-256 of the bytes read; the snapshot itself holds
/// data only, so the problems reach evaluation through the result.
/// </summary>
public sealed class SnapshotReadResultTests
{
    private static readonly SafeguardingEngine Engine = new();

    // Above the 1 MB at which the hash runs beside the parse, and below it.
    private static readonly Lazy<byte[]> Large = new(() => Bytes(SyntheticCaseload.Generate(5000, 3)));
    private static readonly byte[] Small = JsonText.Utf8(JsonText.ContractSnapshot);

    public static TheoryData<string> Sizes => new() { "small", "large" };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task SourceSha256_EveryWayOfReading_IsTheSha256OfTheBytes(string size)
    {
        var bytes = size == "large" ? Large.Value : Small;
        var expected = Hex(SHA256.HashData(bytes));
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, bytes);

            SnapshotJson.Read(bytes).SourceSha256.Should().Be(expected);
            SnapshotJson.Read(new ChunkedStream(bytes, 4096)).SourceSha256.Should().Be(expected);
            (await SnapshotJson.ReadAsync(new ChunkedStream(bytes, 4096))).SourceSha256.Should().Be(expected);
            SnapshotJson.ReadFile(path).SourceSha256.Should().Be(expected);
            (await SnapshotJson.ReadFileAsync(path)).SourceSha256.Should().Be(expected);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SourceSha256_ByteOrderMarkAndWhitespace_AreHashedAsRead()
    {
        var plain = JsonText.Utf8("""{ "offenders": [] }""");
        var withMark = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(plain).ToArray();

        var a = SnapshotJson.Read(plain);
        var b = SnapshotJson.Read(withMark);

        a.Problems.Should().BeEmpty();
        b.Problems.Should().BeEmpty();
        b.SourceSha256.Should().Be(Hex(SHA256.HashData(withMark))).And.NotBe(a.SourceSha256, "the record names the file's bytes exactly as read");
    }

    [Fact]
    public void Problems_MalformedRecord_AreOnTheResultAndReachEvaluationThroughIt()
    {
        var read = JsonText.ReadOffenders(JsonText.ValidOffender, JsonText.Offender(("id", "\"RSO-2\""), ("riskLevel", "\"Extreme\"")));

        read.Problems.Should().ContainSingle().Which.Field.Should().Be("riskLevel");
        read.Snapshot.Offenders.Should().ContainSingle("the malformed record is not typed");
        read.OffenderRecordCount.Should().Be(2, "a record the reader could not type is still an input record");

        var fromResult = Engine.Evaluate(read, new EvaluationOptions { AsOf = new DateOnly(2018, 5, 1) });
        fromResult.IsEvaluated.Should().BeFalse();
        fromResult.Problems.Should().ContainSingle(p => p.Field == "riskLevel" && p.Id == "RSO-2");

        var fromDataOnly = Engine.Evaluate(read.Snapshot, new EvaluationOptions { AsOf = new DateOnly(2018, 5, 1) });
        fromDataOnly.IsEvaluated.Should().BeTrue("the snapshot alone holds data only: the typed records are valid");
        fromDataOnly.Summary.Offenders.Should().Be(1);
    }

    [Fact]
    public void FromCode_SnapshotBuiltInCode_HasNoProblemsAndNoSourceHash()
    {
        var snapshot = new CaseloadSnapshot { Offenders = [new Offender { Id = "RSO-1", RiskLevel = RiskLevel.Low, RegisteredOn = new DateOnly(2010, 1, 1) }] };

        var result = SnapshotReadResult.FromCode(snapshot);

        result.Snapshot.Should().BeSameAs(snapshot);
        result.Problems.Should().BeEmpty();
        result.SourceSha256.Should().BeNull();
        result.OffenderRecordCount.Should().Be(1);
    }

    [Fact]
    public void SourceSha256_DocumentTooLargeOrNotJson_StillHashesWhatWasRead()
    {
        var bytes = JsonText.Utf8("{ not json");

        var read = SnapshotJson.Read(bytes);

        read.Problems.Should().ContainSingle().Which.Field.Should().Be("$");
        read.SourceSha256.Should().Be(Hex(SHA256.HashData(bytes)));
    }

    private static byte[] Bytes(CaseloadSnapshot snapshot)
    {
        using var stream = new MemoryStream();
        SnapshotJson.Write(snapshot, stream);
        return stream.ToArray();
    }

    private static string Hex(byte[] hash) => string.Concat(hash.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}
