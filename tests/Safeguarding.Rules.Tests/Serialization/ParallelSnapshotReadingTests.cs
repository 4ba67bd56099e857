using System.Globalization;
using System.Text;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Tests.Serialization;

/// <summary>
/// A document of a megabyte or more has its <c>visits</c> array read on another thread (<see cref="SnapshotReader"/>):
/// the result must be the one a reading in one pass gives, record for record and problem for problem, whatever the
/// document holds, and a visit's <c>offenderId</c> must stay its offender's string.
/// </summary>
public sealed class ParallelSnapshotReadingTests
{
    [Fact]
    public void Read_GeneratedCaseload_SameAsOnePassAndIdsShared()
    {
        using var stream = new MemoryStream();
        SnapshotJson.Write(SyntheticCaseload.Generate(3000), stream);
        var bytes = stream.ToArray();

        var (parallel, sequential) = ReadBothWays(bytes);

        parallel.Problems.Should().BeEmpty();
        parallel.Snapshot.Visits.Should().HaveCountGreaterThan(5000);
        var offenders = parallel.Snapshot.Offenders.ToDictionary(static o => o.Id);
        parallel.Snapshot.Visits.Should().OnlyContain(v => ReferenceEquals(v.OffenderId, offenders[v.OffenderId].Id));
        parallel.Snapshot.Briefings.Should().OnlyContain(b => ReferenceEquals(b.OffenderId, offenders[b.OffenderId].Id));
        SnapshotJson.Read(new MemoryStream(bytes)).SourceSha256.Should().Be(SnapshotJson.Read(bytes).SourceSha256);
    }

    [Fact]
    public void Read_ProblemsBeforeInsideAndAfterVisits_SameProblemsInDocumentOrder()
    {
        var bytes = Document(visitsFirst: false, badRecords: true);

        var (parallel, _) = ReadBothWays(bytes);

        parallel.Problems.Select(static p => (p.Array, p.Index, p.Field)).Should().Equal(
            ("offenders", 3, "riskLevel"),
            ("visits", 0, "date"),
            ("visits", 1, "outcome"),
            ("visits", 2, "$"),
            ("visits", 5000, "offenderId"),
            ("visits", 5000, "date"),
            ("visits", 5000, "outcome"),
            ("visits", Visits - 1, "announced"),
            ("briefings", 1, "date"),
            (null, null, "visits"),
            ("detentions", 0, "juvenile"));
    }

    [Fact]
    public void Read_VisitNamingNoOffender_ReadsAsWrittenAndOffendersIdsShared()
    {
        var bytes = Document(visitsFirst: false, badRecords: true);

        var (parallel, _) = ReadBothWays(bytes);

        parallel.Snapshot.Visits.Should().Contain(static v => v.OffenderId == "RSO-MISSING");
        var offenders = parallel.Snapshot.Offenders.ToDictionary(static o => o.Id);
        parallel.Snapshot.Visits.Where(v => offenders.ContainsKey(v.OffenderId)).Should().HaveCountGreaterThan(Visits - 20)
            .And.OnlyContain(v => ReferenceEquals(v.OffenderId, offenders[v.OffenderId].Id));
    }

    [Fact]
    public void Read_VisitsBeforeOffenders_ReadInOnePassAndIdsShared()
    {
        var bytes = Document(visitsFirst: true, badRecords: false);

        var read = SnapshotReader.Read(bytes, out var readAside);

        readAside.Should().BeFalse();
        read.Should().BeEquivalentTo(SnapshotReader.Read(bytes.AsSpan()), static o => o.WithStrictOrdering());
        read.Snapshot.Visits[0].OffenderId.Should().BeSameAs(read.Snapshot.Offenders[0].Id);
    }

    [Fact]
    public void Read_DuplicateIds_SameAsOnePass()
    {
        var text = Encoding.UTF8.GetString(Document(visitsFirst: false, badRecords: false)).Replace("\"id\":\"RSO-1\"", "\"id\":\"RSO-0\"", StringComparison.Ordinal);

        var (parallel, _) = ReadBothWays(Encoding.UTF8.GetBytes(text));

        parallel.Snapshot.Offenders.Count(static o => o.Id == "RSO-0").Should().Be(2);
    }

    [Theory]
    [InlineData("{\"offenderId\":\"RSO-28\",", "{\"offenderId\":\"RSO-28\",,")]
    [InlineData("{\"offenderId\":\"RSO-700\",", "{\"offenderId\":\"RSO\\uD800-700\",")]
    [InlineData("\"announced\":\"yes\"}", "\"announced\":yes}")]
    [InlineData("\"briefings\":[", "\"briefings\":[}")]
    [InlineData("\"id\":\"D-1\"", "\"id\":\"D\\uDC00-1\"")]
    public void Read_FaultInOrAfterVisits_SameProblemsAsOnePass(string find, string replace)
    {
        var text = Encoding.UTF8.GetString(Document(visitsFirst: false, badRecords: true));
        var at = text.IndexOf(find, StringComparison.Ordinal);
        at.Should().BeGreaterThan(0);
        var faulty = Encoding.UTF8.GetBytes(text[..at] + replace + text[(at + find.Length)..]);

        var (parallel, _) = ReadBothWays(faulty);

        parallel.Snapshot.Visits.Should().BeEmpty();
        parallel.Problems[^1].Problem.Should().MatchRegex("^(is not valid JSON|holds a string that is not valid Unicode)");
    }

    [Fact]
    public void Read_TruncatedAnywhere_SameProblemsAsOnePass()
    {
        var bytes = Document(visitsFirst: false, badRecords: true, padding: SnapshotReader.ReadAsideBytes);
        var visitsAt = Encoding.UTF8.GetString(bytes).IndexOf("\"visits\":[{", StringComparison.Ordinal);

        foreach (var length in new[] { visitsAt + 1, visitsAt + 12, visitsAt + 2000, visitsAt + 300_000, bytes.Length - 5000, bytes.Length - 1 })
        {
            var (parallel, _) = ReadBothWays(bytes.AsMemory(0, length), expectAside: length > visitsAt + 9);
            parallel.Problems[^1].Problem.Should().StartWith("is not valid JSON");
        }
    }

    private const int Offenders = 2000;
    private const int Visits = 12_000;

    /// <summary>Reads <paramref name="bytes"/> in one pass and with the visits aside; asserts the results are the same and gives both.</summary>
    private static (SnapshotReadResult Parallel, SnapshotReadResult Sequential) ReadBothWays(ReadOnlyMemory<byte> bytes, bool expectAside = true)
    {
        bytes.Length.Should().BeGreaterThanOrEqualTo(SnapshotReader.ReadAsideBytes);
        var parallel = SnapshotReader.Read(bytes, out var readAside);
        var sequential = SnapshotReader.Read(bytes.Span);

        readAside.Should().Be(expectAside);
        parallel.Problems.Should().Equal(sequential.Problems);
        parallel.MalformedRecords.Should().BeEquivalentTo(sequential.MalformedRecords, static o => o.WithStrictOrdering().RespectingRuntimeTypes());
        parallel.Snapshot.Should().BeEquivalentTo(sequential.Snapshot, static o => o.WithStrictOrdering());
        return (parallel, sequential);
    }

    /// <summary>
    /// A document over a megabyte: managers, offenders, visits, briefings, detentions; with <paramref name="badRecords"/>
    /// problems before, at the start, in the middle and at the end of the visits, after them, and a repeated
    /// <c>visits</c> property; <paramref name="padding"/> bytes of an unknown property before the records.
    /// </summary>
    private static byte[] Document(bool visitsFirst, bool badRecords, int padding = 0)
    {
        var text = new StringBuilder("{\"schemaVersion\":1,\"asOf\":\"2018-05-01\",");
        if (padding > 0)
        {
            text.Append("\"notes\":\"").Append('x', padding).Append("\",");
        }

        text.Append("\"managers\":[{\"id\":\"OM-1\"}],");
        var offenders = new StringBuilder("\"offenders\":[");
        for (var i = 0; i < Offenders; i++)
        {
            var risk = badRecords && i == 3 ? "Lowest" : "Low";
            offenders.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? "," : "")}{{\"id\":\"RSO-{i}\",\"managerId\":\"OM-1\",\"neighbourhoodId\":\"N-{i % 7}\",\"riskLevel\":\"{risk}\",\"registeredOn\":\"2017-01-01\"}}");
        }

        offenders.Append("],");
        var visits = new StringBuilder("\"visits\":[");
        for (var i = 0; i < Visits; i++)
        {
            var record = (badRecords, i) switch
            {
                (true, 0) => "{\"offenderId\":\"RSO-0\",\"date\":\"2018-02-30\",\"outcome\":\"Completed\"}",
                (true, 1) => "{\"offenderId\":\"RSO-1\",\"date\":\"2018-01-01\",\"outcome\":\"Completed\",\"outcome\":\"Visited\",\"extra\":{\"a\":[1,2]}}",
                (true, 2) => "42",
                (true, 3) => "{\"offenderId\":\"RSO-MISSING\",\"date\":\"2018-01-01\",\"outcome\":\"NoAccess\"}",
                (true, 5000) => "{\"offenderId\":null,\"date\":7}",
                (true, Visits - 1) => "{\"offenderId\":\"RSO-3\",\"date\":\"2018-01-01\",\"outcome\":\"Cancelled\",\"announced\":\"yes\"}",
                _ => string.Create(CultureInfo.InvariantCulture, $"{{\"offenderId\":\"RSO-{i * 7 % Offenders}\",\"date\":\"2018-01-{1 + (i % 28):D2}\",\"outcome\":\"Completed\",\"announced\":{(i % 2 == 0 ? "true" : "false")}}}"),
            };
            visits.Append(i > 0 ? "," : "").Append(record);
        }

        visits.Append("],");
        text.Append(visitsFirst ? visits : offenders).Append(visitsFirst ? offenders : visits);
        text.Append("\"briefings\":[{\"offenderId\":\"RSO-5\",\"neighbourhoodId\":\"N-5\",\"date\":\"2018-01-01\"}");
        text.Append(badRecords ? ",{\"offenderId\":\"RSO-MISSING\",\"neighbourhoodId\":\"N-9\",\"date\":\"2018-13-01\"}]," : "],");
        if (badRecords)
        {
            text.Append("\"visits\":[],");
        }

        text.Append("\"detentions\":[{\"id\":\"D-1\",\"custodySuiteId\":\"CS-1\",\"juvenile\":").Append(badRecords ? "\"maybe\"" : "true").Append(",\"authorisedAt\":\"2018-01-01T10:00:00Z\"}]}");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
