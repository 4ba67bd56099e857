using System.Globalization;
using System.Text;
using CsCheck;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Tests.Serialization;

/// <summary>
/// A large document is read in two parts at once, split at a record of its <c>visits</c> array (<see cref="SnapshotReader"/>):
/// wherever the split is sought, and whatever the document holds, the result must be the one a reading in one part gives,
/// record for record (with the records' indices) and problem for problem, and a visit's <c>offenderId</c> stays its
/// offender's string.
/// </summary>
public sealed class SplitSnapshotReadingTests
{
    private const int Offenders = 2000;

    /// <summary>The bytes a random edit puts in: JSON's structural ones, a quote, an escape, a letter, a digit, a blank.</summary>
    private static readonly byte[] Structural = "{}[],:\\\"x0 "u8.ToArray();
    private const int Visits = 12_000;

    [Fact]
    public void Read_GeneratedCaseload_SplitAnywhere_SameAsOnePart()
    {
        var bytes = Generated(indented: false);
        var text = Encoding.UTF8.GetString(bytes);
        var visitsAt = text.IndexOf("\"visits\":[", StringComparison.Ordinal);
        var briefingsAt = text.IndexOf("\"briefings\":[", StringComparison.Ordinal);

        var splits = 0;
        foreach (var from in Places(visitsAt, bytes.Length, 23))
        {
            var (_, split) = ReadBothWays(bytes, from);
            if (from < briefingsAt - 1000)
            {
                split.Should().BeTrue("a place within the visits finds a record of theirs to split at");
            }
            else if (from >= briefingsAt)
            {
                split.Should().BeFalse("a place past the visits finds no record of theirs");
            }

            splits += split ? 1 : 0;
        }

        splits.Should().BeGreaterThan(5);
    }

    [Fact]
    public void Read_IndentedCaseload_SplitAnywhereInVisits_SameAsOnePart()
    {
        var bytes = Generated(indented: true);
        var text = Encoding.UTF8.GetString(bytes);
        var visitsAt = text.IndexOf("\"visits\": [", StringComparison.Ordinal);
        var briefingsAt = text.IndexOf("\"briefings\": [", StringComparison.Ordinal);

        foreach (var from in Places(visitsAt, briefingsAt - 200, 9))
        {
            ReadBothWays(bytes, from).Split.Should().BeTrue();
        }
    }

    [Fact]
    public void Read_Split_VisitsNameTheirOffendersStrings()
    {
        var bytes = Document(visitsFirst: false, badRecords: true);

        var (read, split) = ReadBothWays(bytes, Middle(bytes));

        split.Should().BeTrue();
        var offenders = read.Snapshot.Offenders.ToDictionary(static o => o.Id);
        read.Snapshot.Visits.Should().Contain(static v => v.OffenderId == "RSO-MISSING");
        read.Snapshot.Visits.Where(v => offenders.ContainsKey(v.OffenderId)).Should().HaveCountGreaterThan(Visits - 20)
            .And.OnlyContain(v => ReferenceEquals(v.OffenderId, offenders[v.OffenderId].Id));
        read.Snapshot.Briefings.Where(b => offenders.ContainsKey(b.OffenderId)).Should().NotBeEmpty()
            .And.OnlyContain(b => ReferenceEquals(b.OffenderId, offenders[b.OffenderId].Id));
    }

    [Fact]
    public void Read_ProblemsOnBothSidesOfTheSplit_SameProblemsAndIndicesInDocumentOrder()
    {
        var bytes = Document(visitsFirst: false, badRecords: true);

        var (read, split) = ReadBothWays(bytes, Middle(bytes));

        split.Should().BeTrue();
        read.Problems.Select(static p => (p.Array, p.Index, p.Field)).Should().Equal(
            ("offenders", 3, "riskLevel"),
            ("visits", 0, "date"),
            ("visits", 1, "outcome"),
            ("visits", 2, "$"),
            ("visits", 3, "offenderId"),
            ("visits", 3, "date"),
            ("visits", 3, "outcome"),
            ("visits", 9000, "offenderId"),
            ("visits", 9000, "date"),
            ("visits", 9000, "outcome"),
            ("visits", 9001, "$"),
            ("visits", Visits - 1, "announced"),
            ("briefings", 1, "date"),
            (null, null, "visits"),
            (null, null, "asOf"),
            ("detentions", 0, "juvenile"));
        read.Snapshot.Visits.Select(static v => v.SourceIndex).Should().BeInAscendingOrder()
            .And.Contain(Visits - 2).And.NotContain([2, 3, 9000, 9001]);
    }

    [Fact]
    public void Read_SplitPlaceInsideAString_ReadInOnePart()
    {
        // The bytes "},{" inside a string look like the boundary of two records, and the part read from there is not JSON.
        var text = Encoding.UTF8.GetString(Document(visitsFirst: false, badRecords: false))
            .Replace("{\"offenderId\":\"RSO-1400\",", "{\"note\":\"a},{\\\"b\\\":1},{c\",\"offenderId\":\"RSO-1400\",", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(text);
        var at = text.IndexOf("\"note\"", StringComparison.Ordinal);

        var (read, split) = ReadBothWays(bytes, at);

        split.Should().BeFalse();
        read.Problems.Should().BeEmpty();
        read.Snapshot.Visits.Should().HaveCount(Visits);
    }

    [Fact]
    public void Read_SplitPlaceInsideAStringHoldingAWholeRecord_ReadInOnePart()
    {
        // A string holding an escaped record: the part read from its "{" reads a record, then meets the string's end.
        var text = Encoding.UTF8.GetString(Document(visitsFirst: false, badRecords: false))
            .Replace("{\"offenderId\":\"RSO-1400\",", "{\"note\":\"},{}\",\"offenderId\":\"RSO-1400\",", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(text);

        var (read, split) = ReadBothWays(bytes, text.IndexOf("\"note\"", StringComparison.Ordinal));

        split.Should().BeFalse();
        read.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Read_SplitPlacePastTheVisits_ReadInOnePart()
    {
        var bytes = Document(visitsFirst: false, badRecords: true);
        var text = Encoding.UTF8.GetString(bytes);

        foreach (var array in new[] { "\"briefings\":[", "\"detentions\":[" })
        {
            ReadBothWays(bytes, text.IndexOf(array, StringComparison.Ordinal)).Split.Should().BeFalse();
        }
    }

    [Fact]
    public void Read_VisitsBeforeOffenders_ReadInOnePart()
    {
        var bytes = Document(visitsFirst: true, badRecords: false);

        var (read, split) = ReadBothWays(bytes, Middle(bytes));

        split.Should().BeFalse();
        read.Snapshot.Visits[0].OffenderId.Should().BeSameAs(read.Snapshot.Offenders.Single(static o => o.Id == "RSO-0").Id);
    }

    [Theory]
    [InlineData("{\"offenderId\":\"RSO-28\",", "{\"offenderId\":\"RSO-28\",,", false)]
    [InlineData("{\"offenderId\":\"RSO-28\",", "{\"offenderId\":\"RSO-28\",,", true)]
    [InlineData("{\"offenderId\":\"RSO-700\",", "{\"offenderId\":\"RSO\\uD800-700\",", false)]
    [InlineData("{\"offenderId\":\"RSO-1960\",", "{\"offenderId\":\"RSO\\uD800-1960\",", true)]
    [InlineData("\"announced\":\"yes\"}", "\"announced\":yes}", true)]
    [InlineData("\"briefings\":[", "\"briefings\":[}", true)]
    [InlineData("\"id\":\"D-1\"", "\"id\":\"D\\uDC00-1\"", true)]
    [InlineData("]}", "]}x", true)]
    public void Read_FaultBeforeOrAfterTheSplit_SameProblemsAsOnePart(string find, string replace, bool last)
    {
        var text = Encoding.UTF8.GetString(Document(visitsFirst: false, badRecords: true));
        var at = last ? text.LastIndexOf(find, StringComparison.Ordinal) : text.IndexOf(find, StringComparison.Ordinal);
        at.Should().BeGreaterThan(0);
        var faulty = Encoding.UTF8.GetBytes(text[..at] + replace + text[(at + find.Length)..]);

        var (read, split) = ReadBothWays(faulty, Middle(faulty));

        split.Should().BeFalse();
        read.Snapshot.Visits.Should().BeEmpty();
        read.Problems[^1].Problem.Should().MatchRegex("^(is not valid JSON|holds a string that is not valid Unicode)");
    }

    [Fact]
    public void Read_TruncatedAnywhere_SameProblemsAsOnePart()
    {
        var bytes = Document(visitsFirst: false, badRecords: true);
        var visitsAt = Encoding.UTF8.GetString(bytes).IndexOf("\"visits\":[{", StringComparison.Ordinal);

        foreach (var length in new[] { visitsAt + 12, Middle(bytes) + 5, Middle(bytes) + 3000, bytes.Length - 3000, bytes.Length - 1 })
        {
            var (read, split) = ReadBothWays(bytes.AsMemory(0, length).ToArray(), Math.Min(Middle(bytes), length - 2));
            split.Should().BeFalse();
            read.Problems[^1].Problem.Should().StartWith("is not valid JSON");
        }
    }

    [Fact]
    public void Read_RandomEditsAnywhere_SameAsOnePart()
    {
        // A document with problems, edited at random places before, at and after the split (a byte dropped, one of JSON's
        // structural bytes or an escape put in, a stretch repeated or cut): whatever the edits break, the split reading
        // reports exactly what a reading in one part does. Most edits break the syntax; some only the records.
        var original = Document(visitsFirst: false, badRecords: true);
        var middle = Middle(original);
        var splits = 0;
        Gen.Select(Gen.Int[1, 3], Gen.ULong).Sample(
            (edits, seed) =>
            {
                var random = new Random(unchecked((int)seed));
                var bytes = original.ToList();
                for (var e = 0; e < edits; e++)
                {
                    // Mostly near the split, where the two parts meet; else anywhere from the visits on.
                    var at = random.Next(4) == 0 ? random.Next(original.Length / 4, bytes.Count - 1) : Math.Clamp(middle + random.Next(-400, 400), 0, bytes.Count - 1);
                    switch (random.Next(4))
                    {
                        case 0:
                            bytes.RemoveAt(at);
                            break;
                        case 1:
                            bytes.Insert(at, Structural[random.Next(Structural.Length)]);
                            break;
                        case 2:
                            bytes.InsertRange(at, bytes.GetRange(at, Math.Min(random.Next(1, 80), bytes.Count - at)));
                            break;
                        default:
                            bytes.RemoveRange(at, Math.Min(random.Next(1, 80), bytes.Count - at));
                            break;
                    }
                }

                var (_, split) = ReadBothWays([.. bytes], middle);
                splits += split ? 1 : 0;
            },
            iter: 300,
            threads: 1);

        splits.Should().BePositive("some edits leave the document readable and split");
    }

    [Fact]
    public void Read_LargeDocument_SplitOfItsOwnAccord()
    {
        // The threshold lowered for the test (a document past 64 MB from its visits on takes seconds to generate).
        const int SplitBytes = 16 << 20;
        var bytes = Generated(indented: false, offenders: 40_000);
        bytes.Length.Should().BeGreaterThan(SplitBytes * 5 / 4, "the visits on are then large enough").And.BeLessThan(SnapshotReader.SplitBytes);

        var read = SnapshotReader.Read(bytes, SnapshotReader.Automatic, out var split, SplitBytes);
        var onePart = SnapshotReader.Read(bytes, SnapshotReader.Never, out _);
        SnapshotReader.Read(bytes, SnapshotReader.Automatic, out var splitByDefault);

        split.Should().BeTrue();
        splitByDefault.Should().BeFalse("the document is below the threshold the library uses");
        SameRead(read, onePart);
        SnapshotJson.Read(bytes).Snapshot.Visits.Should().Equal(onePart.Snapshot.Visits);
    }

    [Fact]
    public void Read_SmallDocument_ReadInOnePartOfItsOwnAccord()
    {
        var bytes = Document(visitsFirst: false, badRecords: false);

        SnapshotReader.Read(bytes, SnapshotReader.Automatic, out var split);

        split.Should().BeFalse();
    }

    [Theory]
    [InlineData("[{\"a\":1},{\"a\":2}]", 3, 9)]
    [InlineData("[{\"a\":1} ,\n  {\"a\":2}]", 3, 13)]
    [InlineData("[{\"a\":\"},{\"},{\"a\":2}]", 3, 9)]
    [InlineData("[{\"a\":[{},{}]}]", 3, 10)]
    [InlineData("[{\"a\":1}]", 3, -1)]
    [InlineData("[{\"a\":1},5,{\"a\":2}]", 3, -1)]
    public void RecordAfter_FindsTheFirstBraceAfterACloseAndAComma(string json, int from, int expected)
    {
        SnapshotReader.RecordAfter(Encoding.UTF8.GetBytes(json), 1, from, out var previousEnd).Should().Be(expected);

        if (expected >= 0)
        {
            json[previousEnd - 1].Should().Be('}');
            json[previousEnd..expected].Trim().Should().Be(",");
        }
    }

    /// <summary><paramref name="count"/> offsets from <paramref name="from"/> to <paramref name="to"/>, evenly apart.</summary>
    private static IEnumerable<int> Places(int from, int to, int count) =>
        Enumerable.Range(0, count).Select(i => from + (int)((long)(to - from) * i / (count - 1)));

    private static int Middle(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var visitsAt = text.IndexOf("\"visits\":[{", StringComparison.Ordinal);
        var end = text.IndexOf("],\"briefings\"", visitsAt, StringComparison.Ordinal);
        return (visitsAt + (end < 0 ? text.Length : end)) / 2;
    }

    /// <summary>Reads <paramref name="bytes"/> in one part and split from <paramref name="from"/>; asserts the results are the same.</summary>
    private static (SnapshotReadResult Read, bool Split) ReadBothWays(byte[] bytes, long from)
    {
        var read = SnapshotReader.Read(bytes, from, out var split);
        SameRead(read, SnapshotReader.Read(bytes, SnapshotReader.Never, out var onePartSplit));
        onePartSplit.Should().BeFalse();
        return (read, split);
    }

    private static void SameRead(SnapshotReadResult read, SnapshotReadResult onePart)
    {
        read.Problems.Should().Equal(onePart.Problems);
        read.MalformedRecords.Should().BeEquivalentTo(onePart.MalformedRecords, static o => o.WithStrictOrdering().RespectingRuntimeTypes());
        var (snapshot, expected) = (read.Snapshot, onePart.Snapshot);
        (snapshot.SchemaVersion, snapshot.AsOf, snapshot.ExtractedAt).Should().Be((expected.SchemaVersion, expected.AsOf, expected.ExtractedAt));
        snapshot.Visits.Should().Equal(expected.Visits); // Records compare by value, their indices in the input included.
        snapshot.Visits.Select(static v => v.SourceIndex).Should().Equal(expected.Visits.Select(static v => v.SourceIndex));
        snapshot.Offenders.Should().Equal(expected.Offenders);
        snapshot.Managers.Should().Equal(expected.Managers);
        snapshot.Briefings.Should().Equal(expected.Briefings);
        (snapshot.Teams ?? []).Should().Equal(expected.Teams ?? []);
        (snapshot.Teams is null).Should().Be(expected.Teams is null);
        snapshot.Overrides.Should().BeEquivalentTo(expected.Overrides, static o => o.WithStrictOrdering());
        snapshot.StrategyDiscussions.Should().BeEquivalentTo(expected.StrategyDiscussions, static o => o.WithStrictOrdering());
        snapshot.Detentions.Should().BeEquivalentTo(expected.Detentions, static o => o.WithStrictOrdering());
        snapshot.PoliceProtections.Should().BeEquivalentTo(expected.PoliceProtections, static o => o.WithStrictOrdering());
    }

    /// <summary>A generated caseload with every kind of record (child protection and overrides too), as JSON.</summary>
    private static byte[] Generated(bool indented, int offenders = 1500)
    {
        using var stream = new MemoryStream();
        SnapshotJson.Write(SyntheticCaseload.Generate(new SyntheticCaseloadOptions { Offenders = offenders, Seed = 5, OverridesPerThousand = 40 }), stream, indented);
        return stream.ToArray();
    }

    /// <summary>
    /// Managers, offenders, visits, briefings, detentions; with <paramref name="badRecords"/> problems before, at the start, in
    /// the middle, in the second half and at the end of the visits, after them, and repeated <c>visits</c> and <c>asOf</c>
    /// properties after them.
    /// </summary>
    private static byte[] Document(bool visitsFirst, bool badRecords)
    {
        var text = new StringBuilder("{\"schemaVersion\":1,\"asOf\":\"2018-05-01\",");
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
                (true, 3) => "{\"offenderId\":7,\"date\":null}",
                (true, 4) => "{\"offenderId\":\"RSO-MISSING\",\"date\":\"2018-01-01\",\"outcome\":\"NoAccess\"}",
                (true, 9000) => "{\"offenderId\":null,\"date\":7}",
                (true, 9001) => "[]",
                (true, 9002) => "{\"offenderId\":\"RSO-MISSING\",\"date\":\"2018-01-02\",\"outcome\":\"NoAccess\"}",
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
            text.Append("\"visits\":[],\"asOf\":\"2019-01-01\",");
        }

        text.Append("\"detentions\":[{\"id\":\"D-1\",\"custodySuiteId\":\"CS-1\",\"juvenile\":").Append(badRecords ? "\"maybe\"" : "true").Append(",\"authorisedAt\":\"2018-01-01T10:00:00Z\"}]}");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
