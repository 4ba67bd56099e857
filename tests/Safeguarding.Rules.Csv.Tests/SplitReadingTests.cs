using System.Collections;
using System.Reflection;
using System.Text;
using Safeguarding.Rules.Csv.Reading;
using Safeguarding.Rules.Csv.Tests.Support;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Csv.Tests;

/// <summary>
/// A large <c>visits.csv</c> is read in two parts on two threads, split at a line before which the file has no quote: the
/// result is exactly the one a reading of the file in one piece gives (records and their order, problems with file, line,
/// column and index, malformed records, the places the checks across records name, the folder's hash), wherever the split.
/// </summary>
public sealed class SplitReadingTests
{
    /// <summary>A split offset beyond any file: the file is read in one piece.</summary>
    private const long OnePiece = long.MaxValue;

    public static TheoryData<int, bool, bool, bool, bool> Folders()
    {
        var data = new TheoryData<int, bool, bool, bool, bool>();
        var seed = 0;
        foreach (var crlf in new[] { false, true })
        {
            foreach (var bom in new[] { false, true })
            {
                foreach (var lastLineEnded in new[] { true, false })
                {
                    foreach (var quotesLate in new[] { false, true })
                    {
                        data.Add(++seed, crlf, bom, lastLineEnded, quotesLate);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Read_VisitsSplitAnywhere_SameAsTheFileInOnePiece(int seed, bool crlf, bool bom, bool lastLineEnded, bool quotesLate)
    {
        using var folder = GeneratedFolder(seed, crlf, bom, lastLineEnded, quotesLate);
        var visits = File.ReadAllBytes(Path.Combine(folder.Path, "visits.csv"));
        var whole = CsvFolderReader.Read(folder.Path, OnePiece);
        whole.Problems.Should().Contain(static p => p.File == "visits.csv", "the folder has problems in visits.csv to place");

        var splits = 0;
        foreach (var offset in Offsets(visits, seed))
        {
            var split = CsvFolderReader.Read(folder.Path, offset);

            ShouldBeTheSame(split, whole, offset);
            splits += CsvFolderReader.SplitAt(visits, offset) > 0 ? 1 : 0;
        }

        splits.Should().BeGreaterThan(10, "most of the offsets split the file");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Read_EveryFileAfterVisitsHasAProblem_SameAsReadingInOrderWhicheverThreadReadsEachFile(int seed)
    {
        // The files after visits.csv are taken by whichever of the two threads reading visits.csv is free first; their
        // records and problems still come out in the folder's order.
        using var folder = GeneratedFolder(seed, crlf: false, bom: false, lastLineEnded: true, quotesLate: false);
        string[] after = ["briefings.csv", "strategy-discussions.csv", "strategy-actions.csv", "detentions.csv", "interviews.csv", "police-protections.csv", "overrides.csv"];
        foreach (var name in after)
        {
            var path = Path.Combine(folder.Path, name);
            var lines = File.ReadAllLines(path);
            lines.Should().HaveCountGreaterThan(1, name + " has a row to spoil");
            lines[1] += ",extra";
            File.WriteAllLines(path, lines);
        }

        var whole = CsvFolderReader.Read(folder.Path, OnePiece);
        whole.Problems.Select(static p => p.File).Should().Contain(after, "each file after visits.csv has a problem (the nested files' come after the others', as their rows are linked to their parents)");
        var visits = File.ReadAllBytes(Path.Combine(folder.Path, "visits.csv"));
        foreach (var offset in Offsets(visits, seed))
        {
            ShouldBeTheSame(CsvFolderReader.Read(folder.Path, offset), whole, offset);
        }
    }

    [Fact]
    public void SplitAt_LineStartsAndQuotes_SplitsOnlyAtALineStartWithNoQuoteBefore()
    {
        var bytes = "a,b\nx,1\ny,\"2\"\nz,3\n"u8.ToArray();

        CsvFolderReader.SplitAt(bytes, 0).Should().Be(4, "the first place is just after the header");
        CsvFolderReader.SplitAt(bytes, 4).Should().Be(4);
        CsvFolderReader.SplitAt(bytes, 5).Should().Be(8);
        CsvFolderReader.SplitAt(bytes, 8).Should().Be(8);
        CsvFolderReader.SplitAt(bytes, 9).Should().Be(-1, "a quote comes before the next line start");
        CsvFolderReader.SplitAt(bytes, bytes.Length).Should().Be(-1, "nothing is left after the end");
        CsvFolderReader.SplitAt("a,b\nx,1\n"u8, 5).Should().Be(-1, "nothing is left after the last line");
        CsvFolderReader.SplitAt("a,b\nx,1\ny,2"u8, 5).Should().Be(8, "a last line without a line end is a part of its own");
        CsvFolderReader.SplitAt("a,b"u8, 0).Should().Be(-1, "a file of only its header has nothing to split");
        CsvFolderReader.SplitAt("\uFEFFa,b\r\nx,1\r\ny,2\r\n"u8, 0).Should().Be(8, "the header starts after the byte order mark");
        CsvFolderReader.SplitAt("a,b\r\nx\r1\r\ny,2\r\n"u8, 10).Should().Be(-1, "a carriage return on its own ends a row but not a line");
    }

    [Fact]
    public void SplitAt_ACarriageReturnOnItsOwnAnywhereBefore_NoSplit()
    {
        // Lines of CRLF, long enough to span several vectors; the split is asked for at the last line.
        var text = "a,b\r\n" + string.Concat(Enumerable.Range(0, 12).Select(static i => "x" + i + ",1234567\r\n")) + "y,2\r\n";
        var bytes = Encoding.ASCII.GetBytes(text);
        var last = text.LastIndexOf("y,", StringComparison.Ordinal);
        CsvFolderReader.SplitAt(bytes, last).Should().Be(last);

        for (var at = 0; at < last - 1; at++)
        {
            if (bytes[at] is (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            var lone = (byte[])bytes.Clone();
            lone[at] = (byte)'\r';
            CsvFolderReader.SplitAt(lone, last).Should().Be(-1, "byte " + at + " is a carriage return on its own");
        }
    }

    [Fact]
    public void Read_QuoteBeforeTheSplit_ReadInOnePieceToTheSameResult()
    {
        var lines = new List<string> { "offenderId,date,outcome" };
        lines.AddRange(Enumerable.Range(0, 400).Select(static i => i == 3 ? "\"RSO-1\",2018-01-01,Completed" : i % 7 == 0 ? "RSO-2,2018-02-30,Completed" : "RSO-1,2018-01-02,Completed"));
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,managerId,riskLevel,registeredOn", "RSO-1,OM-1,Low,2017-01-01", "RSO-2,OM-1,Low,2017-01-01")
            .With("visits.csv", [.. lines])
            .With("briefings.csv", "offenderId,neighbourhoodId,date", "RSO-2,N-1,2018-13-01");
        var visits = File.ReadAllBytes(Path.Combine(folder.Path, "visits.csv"));
        var middle = visits.Length / 2;

        CsvFolderReader.SplitAt(visits, middle).Should().Be(-1);
        ShouldBeTheSame(CsvFolderReader.Read(folder.Path, middle), CsvFolderReader.Read(folder.Path, OnePiece), middle);
    }

    [Fact]
    public void ReadFolder_VisitsAboveTheSplitSize_SameAsTheFileInOnePiece()
    {
        // A visits.csv past the size at which it is split, with problems all through it, and a briefings.csv after it.
        var visits = new StringBuilder("offenderId,date,outcome,announced\n");
        var row = 0;
        while (visits.Length < CsvFolderReader.SplitVisitsBytes + 4096)
        {
            visits.Append(row % 9973 == 0 ? "RSO-9,2018-02-30,Completed," : row % 7919 == 0 ? "RSO-1,2018-01-02" : "RSO-1,2018-01-02,Completed,true").Append('\n');
            row++;
        }

        var briefings = new List<string> { "offenderId,neighbourhoodId,date" };
        briefings.AddRange(Enumerable.Range(0, 20_000).Select(static i => i % 5_000 == 0 ? "RSO-1,N-1,2018-13-01" : "RSO-1,N-1,2018-01-01"));
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,managerId,riskLevel,registeredOn", "RSO-1,OM-1,Low,2017-01-01")
            .WithBytes("visits.csv", Encoding.UTF8.GetBytes(visits.ToString()))
            .With("briefings.csv", [.. briefings]);

        var visitsBytes = File.ReadAllBytes(Path.Combine(folder.Path, "visits.csv"));
        var after = new FileInfo(Path.Combine(folder.Path, "briefings.csv")).Length;
        CsvFolderReader.SplitAt(visitsBytes, (visitsBytes.Length + after) / 2).Should().BePositive("the file is split by default");

        ShouldBeTheSame(SnapshotCsv.ReadFolder(folder.Path), CsvFolderReader.Read(folder.Path, OnePiece), null);
    }

    [Theory]
    [InlineData("offenderId,outcome,note")]
    [InlineData("offenderId,date,outcome,date")]
    [InlineData("")]
    public void Read_HeaderWithProblems_ItsProblemsOnceAndEveryRowRejectedOnBothSides(string header)
    {
        var lines = new List<string> { header };
        lines.AddRange(Enumerable.Range(0, 100).Select(static i => i % 9 == 0 ? "RSO-1,2018-02-30,Completed" : "RSO-1,2018-01-02,Completed"));
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,managerId,riskLevel,registeredOn", "RSO-1,OM-1,Low,2017-01-01")
            .WithLineEnds("visits.csv", "\n", [.. lines]);
        var whole = CsvFolderReader.Read(folder.Path, OnePiece);
        whole.Problems.Should().Contain(static p => p.File == "visits.csv" && p.Line == 1);
        var visits = File.ReadAllBytes(Path.Combine(folder.Path, "visits.csv"));

        foreach (var offset in new long[] { 0, visits.Length / 3, visits.Length / 2, visits.Length - 40 })
        {
            CsvFolderReader.SplitAt(visits, offset).Should().BePositive();
            ShouldBeTheSame(CsvFolderReader.Read(folder.Path, offset), whole, offset);
        }
    }

    [Fact]
    public void Read_PartAfterTheSplitNotUtf8_SameProblemAsTheFileInOnePiece()
    {
        var lines = new List<string> { "offenderId,date,outcome" };
        lines.AddRange(Enumerable.Range(0, 200).Select(static _ => "RSO-1,2018-01-02,Completed"));
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n").ToList();
        bytes.InsertRange(bytes.Count - 10, [0xC3, 0x28]);
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,managerId,riskLevel,registeredOn", "RSO-1,OM-1,Low,2017-01-01")
            .WithBytes("visits.csv", [.. bytes]);
        var whole = CsvFolderReader.Read(folder.Path, OnePiece);
        whole.Problems.Should().ContainSingle(static p => p.File == "visits.csv").Which.Line.Should().Be(201);

        foreach (var offset in new long[] { 0, 30, bytes.Count / 2, bytes.Count - 30 })
        {
            ShouldBeTheSame(CsvFolderReader.Read(folder.Path, offset), whole, offset);
        }
    }

    /// <summary>
    /// A generated caseload written as a folder, its <c>visits.csv</c> rewritten with problems all through it: bad dates,
    /// unknown offenders, missing and extra cells, blank lines; with LF or CRLF line ends, perhaps a byte order mark, perhaps
    /// no line end after the last line, and perhaps (<paramref name="quotesLate"/>) quoted cells in its second half, one
    /// of them never closed, so that it swallows lines.
    /// </summary>
    private static CsvFolder GeneratedFolder(int seed, bool crlf, bool bom, bool lastLineEnded, bool quotesLate)
    {
        var folder = new CsvFolder();
        SnapshotCsv.WriteFolder(SyntheticCaseload.Generate(new SyntheticCaseloadOptions { Offenders = 150, Seed = (ulong)seed, OverridesPerThousand = 20 }), folder.Path);
        var path = Path.Combine(folder.Path, "visits.csv");
        var lines = File.ReadAllLines(path).ToList();
        lines.Should().HaveCountGreaterThan(50);
        var random = new Random(seed);
        var rows = new List<string> { lines[0] };
        for (var i = 1; i < lines.Count; i++)
        {
            var line = lines[i];
            var cells = line.Split(',');
            var late = i > lines.Count / 2;
            rows.Add(random.Next(14) switch
            {
                0 => string.Join(',', cells.Select(static (c, k) => k == 1 ? "2018-02-30" : c)),
                1 => string.Join(',', cells.Select((c, k) => k == 0 ? "RSO-UNKNOWN-" + (i % 5) : c)),
                2 => string.Join(',', cells[..^1]),
                3 => line + ",extra",
                4 => string.Empty,
                5 => string.Join(',', cells.Select(static (c, k) => k == 0 ? string.Empty : c)),
                6 when quotesLate && late => string.Join(',', cells.Select(static (c, k) => k == 0 ? "\"" + c + "\"" : c)),
                _ => line,
            });
            if (random.Next(20) == 0)
            {
                rows.Add(string.Empty);
            }
        }

        if (quotesLate)
        {
            // A quote never closed, near the end: it takes the lines after it, up to the next quote, into its cell.
            var at = rows.Count - 5;
            rows[at] = "\"" + rows[at];
        }

        var text = string.Join(crlf ? "\r\n" : "\n", rows) + (lastLineEnded ? crlf ? "\r\n" : "\n" : string.Empty);
        var bytes = Encoding.UTF8.GetBytes(text);
        File.WriteAllBytes(path, bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
        return folder;
    }

    /// <summary>
    /// Where to split: the start of the file, the byte order mark, just after the header and the byte after it, every tenth
    /// of the file, the last line's start and the byte before it, the end, and some drawn from <paramref name="seed"/>.
    /// </summary>
    private static IEnumerable<long> Offsets(byte[] file, int seed)
    {
        var random = new Random(seed);
        var headerEnd = Array.IndexOf(file, (byte)'\n') + 1;
        var lastLine = Array.LastIndexOf(file, (byte)'\n', file.Length - 2) + 1;
        long[] fixedOffsets = [0, 1, 3, headerEnd - 1, headerEnd, headerEnd + 1, lastLine - 1, lastLine, lastLine + 1, file.Length - 1, file.Length];
        return fixedOffsets
            .Concat(Enumerable.Range(1, 9).Select(k => (long)file.Length * k / 10))
            .Concat(Enumerable.Range(0, 8).Select(_ => (long)random.Next(file.Length)))
            .Distinct();
    }

    private static void ShouldBeTheSame(SnapshotReadResult split, SnapshotReadResult whole, long? offset)
    {
        var because = "split at " + offset;
        split.Problems.Should().Equal(whole.Problems, because);
        Malformed(split).Should().BeEquivalentTo(Malformed(whole), o => o.WithStrictOrdering().RespectingRuntimeTypes(), because);
        split.SourceSha256.Should().Be(whole.SourceSha256, because);
        var a = split.Snapshot;
        var b = whole.Snapshot;
        a.Visits.Should().Equal(b.Visits, because);
        a.Offenders.Should().Equal(b.Offenders, because);
        a.Managers.Should().Equal(b.Managers, because);
        a.Briefings.Should().Equal(b.Briefings, because);
        (a.Teams ?? []).Should().Equal(b.Teams ?? [], because);
        (a.Overrides ?? []).Should().Equal(b.Overrides ?? [], because);
        (a.PoliceProtections ?? []).Should().Equal(b.PoliceProtections ?? [], because);
        a.StrategyDiscussions.Should().BeEquivalentTo(b.StrategyDiscussions, static o => o.WithStrictOrdering(), because);
        a.Detentions.Should().BeEquivalentTo(b.Detentions, static o => o.WithStrictOrdering(), because);
        (a.SchemaVersion, a.AsOf, a.ExtractedAt).Should().Be((b.SchemaVersion, b.AsOf, b.ExtractedAt), because);

        // The checks across records place their problems by index: every row of visits.csv, and one past the last.
        var rows = b.Visits.Count + Malformed(whole).Count(static m => (string)m.GetType().GetProperty("Array")!.GetValue(m)! == "visits") + 2;
        for (var index = -1; index < rows; index++)
        {
            foreach (var field in new[] { "date", "offenderId", "$" })
            {
                var problem = new InputProblem("visits", index, null, field, "x");
                Locate(split, problem).Should().Be(Locate(whole, problem), because + ", row " + index);
            }
        }
    }

    /// <summary>The reader's malformed records (internal to the core library).</summary>
    private static List<object> Malformed(SnapshotReadResult read) =>
        [.. (IEnumerable)typeof(SnapshotReadResult).GetProperty("MalformedRecords", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(read)!];

    /// <summary>Where the read result's locator (internal to the core library) places <paramref name="problem"/>.</summary>
    private static InputProblem Locate(SnapshotReadResult read, InputProblem problem)
    {
        var locator = typeof(SnapshotReadResult).GetProperty("ProblemLocator", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(read)!;
        var locate = locator.GetType().GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Single(static m => m.Name.EndsWith("Locate", StringComparison.Ordinal));
        return (InputProblem)locate.Invoke(locator, [problem])!;
    }
}
