using System.Text;
using Safeguarding.Rules.Changes;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Tests.Serialization;

/// <summary>The asynchronous readers and writers: the same results and bytes as the synchronous ones, never blocking on the stream.</summary>
public sealed class AsyncJsonTests
{
    private static readonly SafeguardingEngine Engine = new();

    /// <summary>The built-in sample's force: its findings document is several hundred KB, so it is written in many chunks.</summary>
    private static readonly Lazy<CaseloadSnapshot> Force = new(() => SyntheticCaseload.Generate(2000, 1));

    [Fact]
    public async Task SnapshotReadAsync_NonSeekableChunkedStream_GivesTheSameSnapshotAsRead()
    {
        var bytes = SnapshotBytes(Force.Value);

        var read = await SnapshotJson.ReadAsync(new ChunkedStream(bytes, 1000));

        read.Problems.Should().BeEmpty();
        SnapshotBytes(read.Snapshot).Should().Equal(SnapshotBytes(SnapshotJson.Read(bytes).Snapshot));
        SnapshotBytes(read.Snapshot).Should().Equal(bytes);
    }

    [Fact]
    public async Task SnapshotReadAsync_BrokenDocument_GivesTheSameProblemsAsRead()
    {
        var bytes = "{\"offenders\": [{\"id\": 5}]}"u8.ToArray();

        var read = await SnapshotJson.ReadAsync(new ChunkedStream(bytes, 3));

        read.Problems.Should().NotBeEmpty().And.BeEquivalentTo(SnapshotJson.Read(bytes).Problems);
    }

    [Fact]
    public async Task SnapshotReadFileAsync_WrittenFile_GivesTheSameSnapshotAsReadFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "async-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            SnapshotJson.WriteFile(Force.Value, path);

            var read = await SnapshotJson.ReadFileAsync(path);

            SnapshotBytes(read.Snapshot).Should().Equal(SnapshotBytes(SnapshotJson.ReadFile(path).Snapshot));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task SnapshotReadAsync_PreCancelledToken_ThrowsOperationCanceledException()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();

        var read = () => SnapshotJson.ReadAsync(new ChunkedStream(SnapshotBytes(Force.Value), 1000), source.Token);

        await read.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task PolicyReadAsync_WrittenPolicy_GivesTheSamePolicyAsRead()
    {
        var policy = new SafeguardingPolicy { Version = "async", VisitIntervalDays = new VisitIntervalPolicy { High = 60 } };
        using var written = new MemoryStream();
        PolicyJson.Write(policy, written);
        var bytes = written.ToArray();

        var read = await PolicyJson.ReadAsync(new ChunkedStream(bytes, 7));

        read.IsValid.Should().BeTrue();
        PolicyBytes(read.Policy!).Should().Equal(bytes);
        PolicyBytes(PolicyJson.Read(bytes).Policy!).Should().Equal(bytes);
    }

    [Fact]
    public async Task PolicyReadAsync_UnknownProperty_GivesTheSameProblemsAsRead()
    {
        var bytes = "{\"visitIntervalDays\": {\"higher\": 60}}"u8.ToArray();

        var read = await PolicyJson.ReadAsync(new ChunkedStream(bytes, 5));

        read.IsValid.Should().BeFalse();
        read.Problems.Should().BeEquivalentTo(PolicyJson.Read(bytes).Problems);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FindingsWriteAsync_StreamThatThrowsOnSyncWrite_GivesWriteBytesInManyAsyncWrites(bool indented)
    {
        var report = Engine.Evaluate(Force.Value);
        var stream = new AsyncOnlyStream();

        await FindingsJson.WriteAsync(report, stream, indented);

        stream.Written.Should().Equal(FindingsBytes(report, indented));
        stream.Writes.Should().BeGreaterThan(1, "the document is sent in chunks as it is made, not buffered whole");
        stream.Flushes.Should().Be(1);
    }

    [Fact]
    public async Task FindingsWriteWithChangesAsync_StreamThatThrowsOnSyncWrite_GivesWriteWithChangesBytes()
    {
        var today = Engine.Evaluate(Force.Value);
        var earlier = Engine.Evaluate(Force.Value, new EvaluationOptions { AsOf = new DateOnly(2018, 4, 20) });
        var changes = FindingChanges.Compare(today, FindingsDocument.Read(FindingsBytes(earlier, indented: false)).Document!);
        using var expected = new MemoryStream();
        FindingsJson.WriteWithChanges(today, changes, expected);
        var stream = new AsyncOnlyStream();

        await FindingsJson.WriteWithChangesAsync(today, changes, stream);

        Encoding.UTF8.GetString(stream.Written).Should().Contain("\"clearedFindings\"");
        stream.Written.Should().Equal(expected.ToArray());
    }

    [Fact]
    public async Task FindingsWriteAsync_TokenCancelledDuringTheWriting_StopsBeforeTheNextChunk()
    {
        var report = Engine.Evaluate(Force.Value);
        using var source = new CancellationTokenSource();
        var stream = new AsyncOnlyStream { BeforeWrite = writes => source.Cancel() };

        var write = () => FindingsJson.WriteAsync(report, stream, cancellationToken: source.Token);

        await write.Should().ThrowAsync<OperationCanceledException>();
        stream.Writes.Should().Be(0);
        stream.Flushes.Should().Be(0);
    }

    [Fact]
    public void FindingsWriteAsync_ReportNotEvaluated_ThrowsAtTheCall()
    {
        var rejected = Engine.Evaluate(new CaseloadSnapshot { Offenders = [new Offender { Id = "RSO-1", RiskLevel = RiskLevel.High, RegisteredOn = new DateOnly(2010, 1, 1), ManagerId = "no such manager" }] });
        rejected.IsEvaluated.Should().BeFalse();

        // The task is never awaited: the exception must come from the call itself.
        Action write = () => _ = FindingsJson.WriteAsync(rejected, new AsyncOnlyStream());

        write.Should().Throw<InvalidOperationException>();
    }

    private static byte[] SnapshotBytes(CaseloadSnapshot snapshot)
    {
        using var stream = new MemoryStream();
        SnapshotJson.Write(snapshot, stream);
        return stream.ToArray();
    }

    private static byte[] PolicyBytes(SafeguardingPolicy policy)
    {
        using var stream = new MemoryStream();
        PolicyJson.Write(policy, stream);
        return stream.ToArray();
    }

    private static byte[] FindingsBytes(EvaluationReport report, bool indented)
    {
        using var stream = new MemoryStream();
        FindingsJson.Write(report, stream, indented);
        return stream.ToArray();
    }
}
