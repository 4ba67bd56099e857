using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using nietras.SeparatedValues;
using Safeguarding.Rules.Csv.Tables;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Csv.Reading;

/// <summary>
/// Reads a CSV folder (contract section 9) into the snapshot the JSON reader gives: the same typed records, the same
/// malformed records for the checks across records, and problems in the JSON reader's words, each with file, line
/// and column. The checks across records are <see cref="SnapshotValidator"/>'s, as for JSON.
/// </summary>
internal sealed class CsvFolderReader
{
    private static readonly SepReaderOptions Options = Sep.Reader(static o => o with
    {
        Sep = new Sep(','),
        HasHeader = false,
        Unescape = false,
        DisableColCountCheck = true,
    });

    private readonly List<InputProblem> _problems = [];
    private readonly List<MalformedRecord> _malformed = [];
    private readonly Dictionary<CsvTable, IRecordSink> _records = [];
    private readonly Dictionary<string, FilePlaces> _places = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _fileHashes = new(StringComparer.Ordinal);
    private readonly Dictionary<CsvTable, List<ParentRow>> _rowIds = [];
    private readonly Dictionary<CsvTable, List<NestedRow>> _nested = [];
    private readonly Dictionary<string, NestedPlaces> _nestedPlaces = new(StringComparer.Ordinal);
    private readonly CsvIds _ids;
    private FilePlaces? _document;

    /// <summary>Whether this reader read a part of a file and met what only a reading of the whole file reports rightly.</summary>
    private bool _partFailed;

    private CsvFolderReader(CsvIds ids)
    {
        _ids = ids;
    }

    /// <summary>A file at least this large is read on another thread (measured: benchmarks/RESULTS.md, branch csv4).</summary>
    internal const long ReadAsideBytes = 1024 * 1024;

    /// <summary>
    /// A <c>visits.csv</c> at least this large is read in two parts, one on each thread (see <see cref="Read(string)"/>),
    /// when it can be split. Below it the time saved is a few tens of milliseconds, and in the command-line tool the other
    /// core is then still compiling and warming the rules up, which the split only delays into the evaluation
    /// (benchmarks/RESULTS.md, session 16: the 100,000-offender folder's 15 MB file is read in one piece).
    /// </summary>
    internal const long SplitVisitsBytes = 32 * 1024 * 1024;

    /// <summary>The place of <c>visits.csv</c> in the folder's order: the files before it name ids first.</summary>
    private static readonly int VisitsAt = CsvTables.All.ToList().IndexOf(CsvTables.Visits);

    /// <summary>
    /// Reads the folder at <paramref name="folder"/>. The files that name ids first (up to <c>offenders.csv</c>) are read
    /// in order with one pool of ids; then <c>visits.csv</c>, the largest file, is read on another thread while this one
    /// reads the rest, each looking ids up in that pool (see <see cref="CsvIds"/>). A large <c>visits.csv</c> is split at a
    /// line near its middle (<see cref="SplitAt"/>): its first part on the other thread, its rest on this one. Each thread
    /// then takes the files after it one at a time until none is left (<see cref="FilesAfter"/>). Each file's (and part's)
    /// problems and records are kept apart and put together in the files' order, so the result is the same as reading one
    /// file after another.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="IOException">A file could not be read.</exception>
    /// <exception cref="UnauthorizedAccessException">A file may not be read.</exception>
    public static SnapshotReadResult Read(string folder) => Read(folder, splitVisitsAt: null);

    /// <summary>
    /// Reads the folder at <paramref name="folder"/> (see <see cref="Read(string)"/>), splitting <c>visits.csv</c> at the
    /// line that starts at or after byte <paramref name="splitVisitsAt"/> of the file, whatever its size, when it can be
    /// split there (<see langword="long.MaxValue"/>: never); <see langword="null"/>: near its middle, when it is at least
    /// <see cref="SplitVisitsBytes"/>.
    /// </summary>
    internal static SnapshotReadResult Read(string folder, long? splitVisitsAt)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(folder + ": folder not found");
        }

        var pool = new IdPools(ExpectedOffenders(folder));
        var ids = CsvIds.Of(pool);
        var files = new CsvFolderReader[CsvTables.All.Count];
        var visitsAt = VisitsAt;
        for (var i = 0; i < visitsAt; i++)
        {
            files[i] = ReadFile(CsvTables.All[i], Path.Combine(folder, CsvTables.All[i].FileName), ids);
        }

        // Every id named first is in the pool now: from here on it is only looked up, from two threads.
        pool.TableAll();
        ids = CsvIds.Over(pool);
        var after = new FilesAfter(folder, files, visitsAt + 1);
        var path = Path.Combine(folder, CsvTables.Visits.FileName);
        var length = new FileInfo(path) is { Exists: true } info ? info.Length : -1;
        Task<CsvFolderReader>? aside = null;
        SplitFile? split = null;
        CsvFolderReader? rest = null;
        try
        {
            try
            {
                if (length >= 0 && (splitVisitsAt is not null || length >= SplitVisitsBytes)
                    && SplitFile.TryOpen(path, splitVisitsAt ?? (length / 2)) is { } opened)
                {
                    // Its first half on the other thread, the second on this one; the files after it go to whichever is free first.
                    split = opened;
                    aside = Task.Run(() => after.ReadThen(opened.ReadFirst(CsvTables.Visits, CsvIds.Over(pool)), CsvIds.Over(pool)));
                    rest = opened.ReadRest(CsvTables.Visits, ids);
                }
                else if (length >= ReadAsideBytes)
                {
                    aside = Task.Run(() => after.ReadThen(ReadFile(CsvTables.Visits, path, CsvIds.Over(pool)), CsvIds.Over(pool)));
                }
                else
                {
                    files[visitsAt] = ReadFile(CsvTables.Visits, path, ids);
                }

                after.Read(ids);
            }
            catch (Exception) when (aside is not null && FailedToo(aside))
            {
                // The file read aside comes first in the folder's order: its failure is the one a reading in order meets.
                aside.GetAwaiter().GetResult();
                throw;
            }

            if (aside is not null)
            {
                files[visitsAt] = aside.GetAwaiter().GetResult();
            }
        }
        finally
        {
            if (split is not null)
            {
                // The file's memory is unmapped only when neither thread reads it any more.
                if (aside is not null)
                {
                    Task.WaitAny(aside);
                }

                split.Dispose();
            }
        }

        after.ThrowFirstFailure();
        if (rest is not null)
        {
            // A part that met what only a reading of the whole file reports rightly (text that is not UTF-8, a row Sep cannot
            // read): the file is read again in one piece.
            var first = files[visitsAt];
            files[visitsAt] = first._partFailed || rest._partFailed
                ? ReadFile(CsvTables.Visits, path, ids)
                : first.Append(rest);
        }

        var reader = new CsvFolderReader(ids);
        foreach (var file in files)
        {
            reader.Take(file);
        }

        return reader.Assemble(FolderHash.Of(reader._fileHashes));
    }

    /// <summary>
    /// About how many offenders <c>offenders.csv</c> holds, from its length (about 77 bytes a row in generated folders), so
    /// that the offenders' id pool does not grow id by id (each doubling copies its table and leaves the old one, a
    /// large object, to a full collection). A folder with more grows its pool as it reads.
    /// </summary>
    private static int ExpectedOffenders(string folder)
    {
        var offenders = new FileInfo(Path.Combine(folder, CsvTables.OffendersFile));
        return offenders.Exists ? (int)Math.Min(offenders.Length / BytesPerOffenderRow, int.MaxValue) : 0;
    }

    private const int BytesPerOffenderRow = 80;

    /// <summary>
    /// Where a file of <paramref name="file"/>'s bytes can be split into two parts read apart, at or after byte
    /// <paramref name="at"/>: the start of the first line there after the header, when the bytes before it hold no quote
    /// and no carriage return but before a line feed, so that every line end before it ends a row, and the rows before it
    /// are counted by its line feeds; -1 when there is none (a quote or a lone carriage return before it, or no line after it).
    /// </summary>
    internal static int SplitAt(ReadOnlySpan<byte> file, long at)
    {
        var start = file.StartsWith("\uFEFF"u8) ? 3 : 0;
        var headerEnd = file[start..].IndexOf((byte)'\n');
        if (headerEnd < 0)
        {
            return -1;
        }

        var from = (int)Math.Clamp(at, start + headerEnd + 1, file.Length);
        var lineEnd = file[(from - 1)..].IndexOf((byte)'\n');
        var split = lineEnd < 0 ? file.Length : from + lineEnd;
        if (split >= file.Length)
        {
            return -1;
        }

        var before = file[..split];
        if (before.Contains((byte)'"'))
        {
            return -1;
        }

        return HasLoneReturn(before) ? -1 : split;
    }

    /// <summary>Whether <paramref name="bytes"/>, which end with a line feed, hold a carriage return not followed by a line feed.</summary>
    private static bool HasLoneReturn(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // 32 bytes and the 32 after the first of them at a time: a return whose next byte is not a line feed.
            var cr = Vector256.Create((byte)'\r');
            var lf = Vector256.Create((byte)'\n');
            for (; i + Vector256<byte>.Count < bytes.Length; i += Vector256<byte>.Count)
            {
                var here = Vector256.Create(bytes.Slice(i, Vector256<byte>.Count));
                var next = Vector256.Create(bytes.Slice(i + 1, Vector256<byte>.Count));
                if (Vector256.AndNot(Vector256.Equals(here, cr), Vector256.Equals(next, lf)) != Vector256<byte>.Zero)
                {
                    return true;
                }
            }
        }
        else
        {
            var returns = bytes.Count((byte)'\r');
            return returns != 0 && bytes.Count("\r\n"u8) != returns;
        }

        for (; i < bytes.Length; i++)
        {
            if (bytes[i] == '\r' && (i + 1 == bytes.Length || bytes[i + 1] != '\n'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Waits for <paramref name="task"/> to end; whether it failed.</summary>
    private static bool FailedToo(Task task)
    {
        Task.WaitAny(task);
        return task.IsFaulted;
    }

    /// <summary>Reads one file of the folder, or notes that it is missing, into a reader of its own.</summary>
    private static CsvFolderReader ReadFile(CsvTable table, string path, CsvIds ids)
    {
        var reader = new CsvFolderReader(ids);
        if (File.Exists(path))
        {
            reader.ReadFile(table, path);
        }
        else if (table.FileName == CsvTables.OffendersFile)
        {
            reader._problems.Add(new(null, null, null, "$", "the folder has no " + CsvTables.OffendersFile + ": a CSV folder snapshot needs it (it may hold only its header)")
            {
                File = CsvTables.OffendersFile,
                Line = 1,
                Column = 1,
            });
        }

        return reader;
    }

    /// <summary>Adds what <paramref name="rest"/> read of the rest of this reader's file, after what this reader read of it.</summary>
    private CsvFolderReader Append(CsvFolderReader rest)
    {
        _problems.AddRange(rest._problems);
        _malformed.AddRange(rest._malformed);
        foreach (var (table, sink) in rest._records)
        {
            _records[table].Append(sink);
        }

        foreach (var (array, places) in rest._places)
        {
            _places[array].RowLines.AddRange(places.RowLines);
        }

        foreach (var (table, rows) in rest._rowIds)
        {
            _rowIds[table].AddRange(rows);
        }

        foreach (var (table, rows) in rest._nested)
        {
            _nested[table].AddRange(rows);
        }

        return this;
    }

    /// <summary>Adds what <paramref name="file"/> read to this reader's, after what it holds already.</summary>
    private void Take(CsvFolderReader file)
    {
        _problems.AddRange(file._problems);
        _malformed.AddRange(file._malformed);
        Copy(file._records, _records);
        Copy(file._places, _places);
        Copy(file._fileHashes, _fileHashes);
        Copy(file._rowIds, _rowIds);
        Copy(file._nested, _nested);
        _document ??= file._document;
    }

    private static void Copy<TKey, TValue>(IDictionary<TKey, TValue> from, IDictionary<TKey, TValue> to)
    {
        foreach (var (key, value) in from)
        {
            to[key] = value;
        }
    }

    private SnapshotReadResult Assemble(string sourceSha256)
    {
        foreach (var table in CsvTables.All)
        {
            if (table.Parent is { } link && _nested.TryGetValue(table, out var rows))
            {
                LinkNested(table, link, rows);
            }
        }

        var document = Records(CsvTables.Document) is [var values, ..] ? values : null;
        var snapshot = new CaseloadSnapshot
        {
            SchemaVersion = document?.SchemaVersion,
            AsOf = document?.AsOf,
            ExtractedAt = document?.ExtractedAt,
            Teams = Records(CsvTables.Teams),
            Managers = Records(CsvTables.Managers)!,
            Offenders = Records(CsvTables.Offenders)!,
            Visits = Records(CsvTables.Visits)!,
            Briefings = Records(CsvTables.Briefings)!,
            StrategyDiscussions = Records(CsvTables.StrategyDiscussions)!,
            Detentions = Records(CsvTables.Detentions)!,
            PoliceProtections = Records(CsvTables.PoliceProtections)!,
            Overrides = Records(CsvTables.Overrides)!,
        };
        return new SnapshotReadResult(snapshot, _problems, _malformed, sourceSha256)
        {
            ProblemLocator = new CsvProblemLocator(_places, _document, _nestedPlaces),
        };
    }

    /// <summary>
    /// Gives each row of a nested file to its parent (contract section 9): the k-th row naming a parent is its
    /// <c>actions[k]</c> or <c>interviews[k]</c>; a problem of that row is the parent's, named by that path, and rejects the
    /// parent; a row naming no parent of the parent's file is a problem of its own file's array. The rows are grouped by
    /// parent in flat arrays (<see cref="NestedChildren"/>): each row's parent and each parent's count first, then each
    /// row put in its place after its parent's earlier rows.
    /// </summary>
    private void LinkNested(CsvTable table, CsvParentLink link, List<NestedRow> rows)
    {
        var parent = link.Table;
        var parentRows = _rowIds.GetValueOrDefault(parent);
        var parentCount = parentRows?.Count ?? 0;

        // A parent's position in the parent file's rows is its data row (every data row has one), which its records' indexes are.
        var firstRow = new Dictionary<string, int>(parentCount, StringComparer.Ordinal);
        var unreadLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var idsUnknown = 0;
        for (var i = 0; i < parentCount; i++)
        {
            var parentRow = parentRows![i];
            if (parentRow.Id is not { } parentId)
            {
                idsUnknown += parentRow.IdKnown ? 0 : 1;
            }
            else if (parentRow.Read)
            {
                firstRow.TryAdd(parentId, i);
            }
            else
            {
                unreadLine.TryAdd(parentId, parentRow.Line);
            }
        }

        var places = _places[table.Array!];
        var parentOf = new int[rows.Count];
        var counts = new int[parentCount];
        var rejected = new bool[parentCount];
        var linked = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.ParentId is null || !firstRow.TryGetValue(row.ParentId, out var p))
            {
                parentOf[r] = -1;
                if (row.ParentId is not null)
                {
                    _problems.Add(new(table.Array, row.Index, null, link.ParentIdColumn, UnknownParent(row.ParentId, parent.FileName, unreadLine, idsUnknown))
                    {
                        File = table.FileName,
                        Line = row.Line,
                        Column = places.ColumnOf(link.ParentIdColumn),
                    });
                }

                foreach (var (field, column, problem) in row.Problems)
                {
                    _problems.Add(new(table.Array, row.Index, null, field, problem) { File = table.FileName, Line = row.Line, Column = column });
                }

                continue;
            }

            parentOf[r] = p;
            var k = counts[p]++;
            linked++;
            if (row.Problems.Length > 0)
            {
                // The row's path in its parent, made only for a row with problems (most have none).
                var path = link.Property + "[" + k.ToString(CultureInfo.InvariantCulture) + "]";
                foreach (var (field, column, problem) in row.Problems)
                {
                    _problems.Add(new(parent.Array, p, row.ParentId, field == "$" ? path : path + "." + field, problem) { File = table.FileName, Line = row.Line, Column = column });
                }
            }

            rejected[p] |= row.Child is null;
        }

        // Each parent's rows start after the earlier parents' (counts becomes where each parent's next row goes).
        var start = new int[parentCount + 1];
        for (var p = 0; p < parentCount; p++)
        {
            start[p + 1] = start[p] + counts[p];
            counts[p] = start[p];
        }

        var children = new object?[linked];
        var lines = new int[linked];
        for (var r = 0; r < rows.Count; r++)
        {
            if (parentOf[r] is var p and >= 0)
            {
                var row = rows[r];
                var at = counts[p]++;
                children[at] = ((INestedRecord?)(row.Child ?? row.Partial))?.Child;
                lines[at] = row.Line;
            }
        }

        _nestedPlaces[parent.Array!] = new NestedPlaces(link.Property, places, start, lines);
        if (_records.TryGetValue(parent, out var parentSink))
        {
            parent.Link(parentSink, new NestedChildren(start, children, rejected), _malformed);
        }
    }

    /// <summary>
    /// What is true of <paramref name="parentId"/>, named by a nested row, when no row of <paramref name="parentFile"/>
    /// that was read has it: a row with that id is there but could not be read (its cell count is wrong: the first such
    /// row's line is named); or no row has it, except perhaps one of the <paramref name="idsUnknown"/> rows whose id
    /// could not be read either.
    /// </summary>
    private static string UnknownParent(string parentId, string parentFile, Dictionary<string, int> unreadLine, int idsUnknown)
    {
        if (unreadLine.TryGetValue(parentId, out var line))
        {
            return "names " + parentId + ", whose row of " + parentFile + " (line " + line.ToString(CultureInfo.InvariantCulture) + ") could not be read";
        }

        var none = "names " + parentId + ", which is not the id of any row of " + parentFile;
        return idsUnknown switch
        {
            0 => none,
            1 => none + " whose id could be read; the id of 1 row could not be read",
            _ => none + " whose id could be read; the ids of " + idsUnknown.ToString(CultureInfo.InvariantCulture) + " rows could not be read",
        };
    }

    /// <summary>The records read from <paramref name="table"/>'s file; <see langword="null"/> when it was missing.</summary>
    private List<T>? Records<T>(RecordTable<T> table)
        where T : class =>
        _records.TryGetValue(table, out var sink) ? ((RecordSink<T>)sink).Records : null;

    /// <summary>
    /// Reads the file at <paramref name="path"/> in place, mapped into memory (<see cref="MappedFile"/>, as the JSON
    /// reader does: no copy into a buffer of the process, no fresh memory to fault in); a file that cannot be mapped
    /// (empty, or a device) is read into an array.
    /// </summary>
    private void ReadFile(CsvTable table, string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        using var mapped = MappedFile.TryMap(file);
        ReadOnlyMemory<byte> bytes;
        if (mapped is not null)
        {
            bytes = mapped.Memory;
        }
        else
        {
            using var copy = new MemoryStream();
            file.CopyTo(copy);
            bytes = copy.ToArray();
        }

        // A large file's hash is taken on another thread while this one parses the same bytes (as the JSON reader hashes
        // its document); both are done before the file is unmapped.
        if (bytes.Length < LargeFileBytes)
        {
            _fileHashes[table.FileName] = FolderHash.Sha256Hex(bytes.Span);
            ReadFile(table, bytes, FilePart.Whole);
            return;
        }

        var hash = Task.Run(() => FolderHash.Sha256Hex(bytes.Span));
        try
        {
            ReadFile(table, bytes, FilePart.Whole);
        }
        finally
        {
            Task.WaitAny(hash);
        }

        _fileHashes[table.FileName] = hash.GetAwaiter().GetResult();
    }

    /// <summary>
    /// The size from which a file is large: it is hashed on another thread while it is parsed, and its records list is made
    /// its size at once (from its line feeds) instead of doubling as it grows.
    /// </summary>
    private const int LargeFileBytes = 1 << 20;

    /// <summary>Reads <paramref name="bytes"/>, the whole of <paramref name="table"/>'s file or the <paramref name="part"/> of it.</summary>
    private void ReadFile(CsvTable table, ReadOnlyMemory<byte> bytes, FilePart part)
    {
        var sink = table.CreateSink();
        _records[table] = sink;
        if (CsvTables.All.Any(t => t.Parent?.Table == table))
        {
            _rowIds[table] = [];
        }

        if (table.Parent is not null)
        {
            _nested[table] = [];
        }

        var places = new FilePlaces(table.FileName);
        if (table.Array is null)
        {
            _document = places;
        }
        else
        {
            _places[table.Array] = places;
        }

        var start = !part.IsRest && bytes.Span.StartsWith("\uFEFF"u8) ? 3 : 0;
        var invalid = JsonInput.IndexOfInvalidUtf8(bytes.Span[start..]);
        if (invalid >= 0)
        {
            var (line, column) = LineAndColumn(bytes.Span.Slice(start, invalid));
            _problems.Add(new(null, null, null, "$", "is not valid UTF-8 text (counting from 1)") { File = table.FileName, Line = line, Column = column });
            _partFailed = part.IsPart;
            return;
        }

        if (bytes.Length >= LargeFileBytes || part.IsPart)
        {
            // A large file's records go into a list made its size at once, not one that doubles from empty (each doubling
            // a large array, and the one before it left to a full collection); the first part of a split file's takes the
            // rest's too.
            sink.Expect(bytes.Span.Count((byte)'\n') + part.LinesAfter + 1);
        }

        try
        {
            using var sep = Options.From(part.IsRest ? new HeadedStream(part.Header, InPlace(bytes)) : InPlace(bytes[start..]));
            ReadRows(table, sep, places, sink, part);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or ArgumentException)
        {
            _partFailed = part.IsPart;
            // Sep's own limits (a row beyond its buffer): the file cannot be read as CSV; its message quotes no cell.
            _problems.Add(new(null, null, null, "$", "cannot be read as CSV: " + e.Message.ReplaceLineEndings(" ")) { File = table.FileName, Line = 1, Column = 1 });
        }
    }

    /// <summary>
    /// A read-only stream over <paramref name="bytes"/> for Sep (which reads a stream): a mapped file's memory in place
    /// (<see cref="UnmanagedBytes.OpenRead"/>), else (a file that could not be mapped: empty, or a device) a copy.
    /// </summary>
    private static Stream InPlace(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetMemoryManager(bytes, out UnmanagedBytes? native, out var start, out var length)
            ? native.OpenRead(start, length)
            : new MemoryStream(bytes.ToArray(), writable: false);

    private void ReadRows(CsvTable table, SepReader sep, FilePlaces places, IRecordSink sink, FilePart part)
    {
        var columns = table.Columns;
        var filePosition = new int[columns.Count];
        Array.Fill(filePosition, -1);
        var rejectAll = false;
        var header = true;
        var record = new CsvRecord(columns.Count, _ids);
        var rowProblems = new List<(string Field, int Column, string Problem)>();
        int[] ignored = [];
        var rows = 0;
        var nextLine = 1;
        foreach (var row in sep)
        {
            // Contract section 9: line ends are CRLF or LF, so a carriage return on its own inside a quoted cell is text, not
            // a line end (Sep's own line numbers count it as one). A row's line is the line after the line ends of the rows
            // before it: the line feeds inside them, and the line end that ends each.
            var line = nextLine;
            nextLine += row.Span.Count('\n') + 1;
            if (header)
            {
                header = false;
                places.HeaderCells = row.ColCount;
                rejectAll = ReadHeader(table, row, filePosition, places);
                ignored = [.. Enumerable.Range(0, places.HeaderCells).Where(position => System.Array.IndexOf(filePosition, position) < 0)];
                if (part.IsRest)
                {
                    // The rest of a file split after a line: the header's problems are the first part's; its rows and lines
                    // come after the first part's rows, each one line (the first part has no quote).
                    _problems.Clear();
                    rows = part.RowsBefore;
                    nextLine += part.RowsBefore;
                }

                continue;
            }

            var index = rows++;
            places.RowLines.Add(line);
            record.Clear();
            record.Index = index;
            rowProblems.Clear();
            if (row.ColCount != places.HeaderCells)
            {
                var cells = row.ColCount.ToString(CultureInfo.InvariantCulture);
                rowProblems.Add(("$", Math.Min(row.ColCount, places.HeaderCells) + 1, "has " + cells + (row.ColCount == 1 ? " cell" : " cells") + "; the header has " + places.HeaderCells.ToString(CultureInfo.InvariantCulture)));
                AddBadQuotes(row, line, columns, filePosition, rowProblems);
            }
            else
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    var position = filePosition[c];
                    if (position < 0)
                    {
                        continue;
                    }

                    var definition = columns[c];
                    var problem = CsvCells.TryUnquote(row[position].Span, out var text)
                        ? text.IsEmpty ? definition.Required ? "is required" : null : CsvCells.Read(text, definition, c, record)
                        : CsvCells.BadQuotes;
                    if (problem is not null)
                    {
                        rowProblems.Add((definition.Name, position + 1, problem));
                    }
                }

                if (ignored.Length > 0)
                {
                    AddUnclosedQuotes(row, line, ignored, rowProblems);
                }
            }

            var sameCells = row.ColCount == places.HeaderCells;
            if (_rowIds.TryGetValue(table, out var rowIds))
            {
                rowIds.Add(ParentRowOf(row, line, sameCells, record, filePosition[table.IdColumn], table.IdColumn));
            }

            if (table.Parent is not null)
            {
                _nested[table].Add(new NestedRow(index, line, sameCells ? record.Text(0) : CellText(row, filePosition[0]), [.. rowProblems], rowProblems.Count == 0 && !rejectAll ? table.Construct(record) : null)
                {
                    Partial = rowProblems.Count > 0 && !rejectAll && sameCells ? sink.Partial(record) : null,
                });
                continue;
            }

            if (table.Array is null)
            {
                foreach (var (field, column, problem) in rowProblems)
                {
                    _problems.Add(new(null, null, null, field, problem) { File = table.FileName, Line = line, Column = column });
                }

                if (index == 0 && rowProblems.Count == 0)
                {
                    sink.Add(record);
                }

                continue;
            }

            if (rowProblems.Count == 0 && !rejectAll)
            {
                sink.Add(record);
                continue;
            }

            var id = table.IdColumn >= 0 ? record.Text(table.IdColumn) : null;
            foreach (var (field, column, problem) in rowProblems)
            {
                _problems.Add(new(table.Array, index, id, field, problem) { File = table.FileName, Line = line, Column = column });
            }

            var partial = row.ColCount == places.HeaderCells ? sink.Partial(record) : null;
            _malformed.Add(new(table.Array, index, row.ColCount == places.HeaderCells ? id : null, partial));
        }

        if (header)
        {
            // An empty file: no header, so every required column is missing.
            ReadHeader(table, default, filePosition, places);
        }

        if (table.Array is null && rows != 1)
        {
            _problems.Add(new(null, null, null, "$", "must hold exactly one row (schemaVersion, asOf, extractedAt) under its header; it has " + rows.ToString(CultureInfo.InvariantCulture))
            {
                File = table.FileName,
                Line = rows == 0 ? 1 : places.RowLines[1],
                Column = 1,
            });
        }
    }

    /// <summary>
    /// Reports each badly quoted cell of a row whose cell count is wrong: usually the cause, a quote that opens and is
    /// never closed, so that the reader took the rest of the line, and the lines after it up to the next quote or the end
    /// of the file, as one cell. Those lines are named, since their rows were not read as rows.
    /// </summary>
    private static void AddBadQuotes(SepReader.Row row, int line, IReadOnlyList<CsvColumn> columns, int[] filePosition, List<(string Field, int Column, string Problem)> rowProblems)
    {
        for (var position = 0; position < row.ColCount; position++)
        {
            var raw = row[position].Span;
            if (CsvCells.TryUnquote(raw, out _))
            {
                continue;
            }

            var field = "$";
            for (var c = 0; c < columns.Count; c++)
            {
                if (filePosition[c] == position)
                {
                    field = columns[c].Name;
                }
            }

            var lineEnds = raw.TrimEnd("\r\n").Count('\n');
            rowProblems.Add((field, position + 1, CsvCells.BadQuotes + (lineEnds == 0 ? string.Empty : Swallowed(line, lineEnds))));
        }
    }

    /// <summary>What a quote never closed on <paramref name="line"/> did to the <paramref name="lineEnds"/> lines after it.</summary>
    private static string Swallowed(int line, int lineEnds) => lineEnds == 1
        ? "; its quote is not closed, so line " + (line + 1).ToString(CultureInfo.InvariantCulture) + " was read into this cell, not as a row"
        : "; its quote is not closed, so lines " + (line + 1).ToString(CultureInfo.InvariantCulture) + " to " + (line + lineEnds).ToString(CultureInfo.InvariantCulture) + " were read into this cell, not as rows";

    /// <summary>
    /// Reports each cell of a column the reader ignores (contract section 9: unknown columns) whose quote is never closed,
    /// so that the lines after it were read into it: the row has as many cells as the header, but rows were lost. A stray
    /// quote that closes on its line takes no row and is ignored with its column.
    /// </summary>
    private static void AddUnclosedQuotes(SepReader.Row row, int line, int[] ignored, List<(string Field, int Column, string Problem)> rowProblems)
    {
        foreach (var position in ignored)
        {
            var raw = row[position].Span;
            if (raw.IndexOfAny('\r', '\n') < 0 || CsvCells.TryUnquote(raw, out _))
            {
                continue;
            }

            var lineEnds = raw.TrimEnd("\r\n").Count('\n');
            if (lineEnds > 0)
            {
                rowProblems.Add(("$", position + 1, CsvCells.BadQuotes + Swallowed(line, lineEnds)));
            }
        }
    }

    /// <summary>
    /// What a row of a parent file tells of its id: the id read, for a row whose cells were read; for one whose cell count
    /// is wrong, the text at the id column's place when there is any, which is taken as the id of a row that could not be
    /// read. An id cell that is empty in a row that was read is known to be empty; one badly quoted, missing from the header,
    /// or empty or beyond the end of a row that could not be read, is not known.
    /// </summary>
    private static ParentRow ParentRowOf(SepReader.Row row, int line, bool sameCells, CsvRecord record, int position, int idColumn)
    {
        if (!sameCells)
        {
            var text = CellText(row, position);
            return new ParentRow(text, line, Read: false, IdKnown: text is not null);
        }

        var id = record.Text(idColumn);
        return new ParentRow(id, line, Read: true, IdKnown: id is not null || (position >= 0 && CsvCells.TryUnquote(row[position].Span, out var empty) && empty.IsEmpty));
    }

    /// <summary>A row of a file whose rows are parents of nested rows, as far as linking them needs.</summary>
    /// <param name="Id">The row's id, when it could be read or (for a row not read) recognised.</param>
    /// <param name="Line">The line the row starts on.</param>
    /// <param name="Read">Whether the row's cells were read (its cell count is the header's).</param>
    /// <param name="IdKnown">Whether the row's id is known: <paramref name="Id"/>, or a cell known to be empty.</param>
    private readonly record struct ParentRow(string? Id, int Line, bool Read, bool IdKnown);

    /// <summary>The text of a row's cell at <paramref name="position"/> in the file, or <see langword="null"/> when it has none or it is empty or badly quoted.</summary>
    private static string? CellText(SepReader.Row row, int position) =>
        position >= 0 && position < row.ColCount && CsvCells.TryUnquote(row[position].Span, out var text) && !text.IsEmpty ? new string(text) : null;

    /// <summary>Maps the header's names to the table's columns and reports required columns missing or known ones repeated.</summary>
    /// <returns>Whether every row of the file is rejected.</returns>
    private bool ReadHeader(CsvTable table, SepReader.Row row, int[] filePosition, FilePlaces places)
    {
        var columns = table.Columns;
        var rejectAll = false;
        var cells = places.HeaderCells;
        for (var position = 0; position < cells; position++)
        {
            if (!CsvCells.TryUnquote(row[position].Span, out var name))
            {
                HeaderProblem(table, "$", position + 1, CsvCells.BadQuotes + "; the header cannot be read, so every row of the file is rejected");
                rejectAll = true;
                continue;
            }

            for (var c = 0; c < columns.Count; c++)
            {
                if (name.SequenceEqual(columns[c].Name))
                {
                    if (filePosition[c] >= 0)
                    {
                        HeaderProblem(table, columns[c].Name, position + 1, "appears more than once in the header, so every row of the file is rejected");
                        rejectAll = true;
                    }
                    else
                    {
                        filePosition[c] = position;
                        places.SetColumn(columns[c].Name, position + 1);
                    }
                }
            }
        }

        for (var c = 0; c < columns.Count; c++)
        {
            if (columns[c].Required && filePosition[c] < 0)
            {
                HeaderProblem(table, columns[c].Name, cells + 1, "is a required column, missing from the header, so every row of the file is rejected");
                rejectAll = true;
            }
        }

        return rejectAll;
    }

    private void HeaderProblem(CsvTable table, string field, int column, string problem) =>
        _problems.Add(new(table.Array, null, null, field, problem) { File = table.FileName, Line = 1, Column = column });

    private static (int Line, int Column) LineAndColumn(ReadOnlySpan<byte> before)
    {
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (before.Count((byte)'\n') + 1, before.Length - lineStart + 1);
    }

    /// <summary>
    /// Which part of its file a reader reads: the whole (<see cref="Whole"/>), the first part of a split file, or the rest
    /// of it (<see cref="IsRest"/>), read as a CSV of the file's <paramref name="Header"/> line then its own bytes, whose
    /// rows come after the file's first <paramref name="RowsBefore"/> rows (its header's not counted).
    /// </summary>
    /// <param name="IsPart">Whether the bytes are a part of their file.</param>
    /// <param name="Header">For the rest of a split file, its header line.</param>
    /// <param name="RowsBefore">For the rest of a split file, the rows of the first part.</param>
    /// <param name="LinesAfter">For the first part of a split file, the line feeds of the rest, whose records it takes.</param>
    private readonly record struct FilePart(bool IsPart, byte[]? Header, int RowsBefore, int LinesAfter = 0)
    {
        public static FilePart Whole => default;

        public static FilePart First => new(IsPart: true, null, 0);

        [MemberNotNullWhen(true, nameof(Header))]
        public bool IsRest => Header is not null;
    }

    /// <summary>
    /// The files after <c>visits.csv</c>, read by the two threads that read <c>visits.csv</c>, each as it finishes its part
    /// of it: each takes the next file not yet taken, so neither waits while files are left, whatever their sizes. A
    /// thread stops at a file it fails to read; once both are done, the failure of the first such file in the folder's
    /// order is thrown, as a reading in order would meet it first (every file before it was taken by one thread or the other).
    /// </summary>
    private sealed class FilesAfter(string folder, CsvFolderReader[] files, int first)
    {
        private readonly ExceptionDispatchInfo?[] _failures = new ExceptionDispatchInfo?[files.Length];
        private int _next = first;

        /// <summary>Reads files until none is left (or one fails), with <paramref name="ids"/>; then gives <paramref name="read"/>, what this thread read before.</summary>
        public CsvFolderReader ReadThen(CsvFolderReader read, CsvIds ids)
        {
            Read(ids);
            return read;
        }

        /// <summary>Reads files until none is left, or one fails.</summary>
        public void Read(CsvIds ids)
        {
            while (Interlocked.Increment(ref _next) - 1 is var i && i < files.Length)
            {
                var table = CsvTables.All[i];
                try
                {
                    files[i] = ReadFile(table, Path.Combine(folder, table.FileName), ids);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    _failures[i] = ExceptionDispatchInfo.Capture(e);
                    return;
                }
            }
        }

        /// <summary>Throws the failure of the first file that failed, if one did.</summary>
        public void ThrowFirstFailure()
        {
            foreach (var failure in _failures)
            {
                failure?.Throw();
            }
        }
    }

    /// <summary>
    /// A file mapped into memory and split at a line (<see cref="SplitAt"/>), for its two parts to be read on two threads;
    /// it is unmapped when both are read.
    /// </summary>
    private sealed class SplitFile : IDisposable
    {
        private readonly FileStream _file;
        private readonly MappedFile _mapped;
        private readonly int _split;

        private readonly Task<string> _hash;

        private SplitFile(FileStream file, MappedFile mapped, int split)
        {
            _file = file;
            _mapped = mapped;
            _split = split;

            // The whole file's hash, taken while its two parts are read (the three share the two cores; the parts are about
            // the same size, so neither waits for the other while the hash is under way).
            _hash = Task.Run(() => FolderHash.Sha256Hex(_mapped.Memory.Span));
        }

        /// <summary>The file at <paramref name="path"/> mapped and split at or after byte <paramref name="at"/>; <see langword="null"/> when it cannot be.</summary>
        public static SplitFile? TryOpen(string path, long at)
        {
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            try
            {
                var mapped = MappedFile.TryMap(file);
                if (mapped is not null)
                {
                    var split = SplitAt(mapped.Memory.Span, at);
                    if (split > 0)
                    {
                        return new SplitFile(file, mapped, split);
                    }

                    ((IDisposable)mapped).Dispose();
                }
            }
            catch
            {
                file.Dispose();
                throw;
            }

            file.Dispose();
            return null;
        }

        /// <summary>Reads the file's first part, and takes the hash of the whole file, which another thread computes meanwhile.</summary>
        public CsvFolderReader ReadFirst(CsvTable table, CsvIds ids)
        {
            var reader = new CsvFolderReader(ids);
            var bytes = _mapped.Memory;
            reader.ReadFile(table, bytes[.._split], FilePart.First with { LinesAfter = bytes.Span[_split..].Count((byte)'\n') });
            reader._fileHashes[table.FileName] = _hash.GetAwaiter().GetResult();
            return reader;
        }

        /// <summary>Reads the rest of the file, after its first part: the header line, then the rest's own lines.</summary>
        public CsvFolderReader ReadRest(CsvTable table, CsvIds ids)
        {
            var reader = new CsvFolderReader(ids);
            var bytes = _mapped.Memory;
            var start = bytes.Span.StartsWith("\uFEFF"u8) ? 3 : 0;
            var first = bytes.Span[start.._split];
            var header = first[..(first.IndexOf((byte)'\n') + 1)].ToArray();
            reader.ReadFile(table, bytes[_split..], new FilePart(IsPart: true, header, RowsBefore: first.Count((byte)'\n') - 1));
            return reader;
        }

        public void Dispose()
        {
            // The file's memory is unmapped only when its hash is taken too.
            Task.WaitAny(_hash);
            ((IDisposable)_mapped).Dispose();
            _file.Dispose();
        }
    }

    /// <summary>A read-only stream of a header line's bytes, then <paramref name="rest"/>'s: the rest of a split file, as a CSV.</summary>
    private sealed class HeadedStream(byte[] header, Stream rest) : Stream
    {
        private int _headerRead;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(Span<byte> buffer)
        {
            if (_headerRead == header.Length)
            {
                return rest.Read(buffer);
            }

            var count = Math.Min(buffer.Length, header.Length - _headerRead);
            header.AsSpan(_headerRead, count).CopyTo(buffer);
            _headerRead += count;
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                rest.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
