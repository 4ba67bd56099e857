using System.Text.Json;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Serialization;

/// <summary>
/// A large document read in two parts at once. When this reader starts the <c>visits</c> array (half a snapshot's bytes)
/// with at least <see cref="SplitBytes"/> (64 MB) to go and the offenders read, it looks for a record of that array at
/// the middle of the rest (both parts start then, so each reads about half of what is left); another reader, on another
/// thread, reads from that record to the end of the document while this one reads the visits up to it. That place is
/// found by its bytes alone (a <c>{</c> after <c>}</c> and <c>,</c>), which a string can hold too, so it is only a guess:
/// it is taken only when this reader, record by record, arrives at a record starting exactly there, and the second part
/// read to the end without a fault. Then the second part's records and problems follow this part's, its visits' indices
/// moved on by the number read here, which is exactly what a reading in one part gives. Otherwise (the place was inside a
/// string or past the visits, the second part met a syntax error or a string that is not text) the second part is
/// stopped and dropped and this reader reads on, so every fault is reported as a reading in one part reports it. Both
/// parts look the offenders' ids up in the pool this part filled and add none (an unknown id gets a string of its own);
/// the other kinds' pools are the second part's alone until it ends.
/// </summary>
internal sealed unsafe partial class SnapshotReader
{
    /// <summary>For <see cref="ReadElements"/>: no second part to meet.</summary>
    private const long NoTail = long.MaxValue;

    /// <summary>How far past the middle a record's start is sought before the document is read in one part.</summary>
    private const int SeekBytes = 1 << 20;

    /// <summary>The reader's state after a record in an array in the document's object: the second part starts there.</summary>
    private static readonly JsonReaderState InsideArrayOfObject = AfterRecordInArray();

    /// <summary>The bit of <c>offenders</c> among the document's properties seen.</summary>
    private static int OffendersSeen => 1 << TopLevel.IndexOf(SnapshotArrays.Offenders);

    private long _splitFrom = Automatic;
    private int _splitBytes = SplitBytes;
    private byte* _document;
    private int _length;
    private bool _offenderIdsShared;
    private bool _handedOff;
    private volatile bool _abandon;
    private SnapshotReader? _tail;
    private Task<bool>? _tailRead;

    /// <summary>
    /// The reader of the second part of a document read in two: from a record of the <c>visits</c> array to the end, on
    /// another thread, over <paramref name="main"/>'s bytes and with its pools.
    /// </summary>
    /// <param name="main">The reader of the first part.</param>
    private SnapshotReader(SnapshotReader main)
    {
        _ids = main._ids;
        _offenderIdsShared = true;
        _document = main._document;
        _length = main._length;
        _splitFrom = Never;
    }

    /// <summary>
    /// Starts the second part when the document is worth reading in two, the reader on the <c>visits</c> array's start;
    /// <paramref name="seen"/> holds the document's properties read so far.
    /// </summary>
    /// <returns>The offset of the second part's first record, or <see cref="NoTail"/>.</returns>
    private long StartTail(ref Utf8JsonReader json, int seen)
    {
        var arrayStart = (int)json.TokenStartIndex + 1;
        var from = _splitFrom switch
        {
            Never => -1L,
            // The middle of the rest: both parts start now, and each then reads about half of it.
            Automatic => _length - arrayStart >= _splitBytes ? arrayStart + ((_length - arrayStart) / 2) : -1,
            _ => Math.Max(_splitFrom, arrayStart),
        };
        if (from < 0 || from >= _length || (seen & OffendersSeen) == 0)
        {
            // Small, or the offenders are still to come (their ids would be pooled by neither part).
            return NoTail;
        }

        var document = new ReadOnlySpan<byte>(_document, _length);
        var at = RecordAfter(document, arrayStart, (int)from, out var previousEnd);
        if (at < 0)
        {
            return NoTail;
        }

        _ids.TableAll();
        _offenderIdsShared = true;
        var tail = _tail = new SnapshotReader(this);
        // A thread of its own: this part waits for it at the split, so it must not queue behind the pool's other work
        // (the command-line tool compiles its rules on the pool while it reads).
        _tailRead = Task.Factory.StartNew(() => tail.ReadTail(previousEnd, seen), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return at;
    }

    /// <summary>
    /// The start of the first record at or after <paramref name="from"/> in an array of objects starting at
    /// <paramref name="arrayStart"/>: a <c>{</c> whose previous bytes, blanks aside, are <c>}</c> and <c>,</c>; -1 when there is
    /// none within <see cref="SeekBytes"/>. <paramref name="previousEnd"/> is the offset just after that <c>}</c>.
    /// </summary>
    internal static int RecordAfter(ReadOnlySpan<byte> document, int arrayStart, int from, out int previousEnd)
    {
        var limit = (int)Math.Min(document.Length, (long)from + SeekBytes);
        for (var at = from; at < limit; at++)
        {
            var next = document[at..limit].IndexOf((byte)'{');
            if (next < 0)
            {
                break;
            }

            at += next;
            var comma = Previous(document, arrayStart, at);
            var close = comma >= 0 && document[comma] == (byte)',' ? Previous(document, arrayStart, comma) : -1;
            if (close >= 0 && document[close] == (byte)'}')
            {
                previousEnd = close + 1;
                return at;
            }
        }

        previousEnd = -1;
        return -1;
    }

    /// <summary>The offset of the last byte before <paramref name="at"/> that is not JSON blank, from <paramref name="start"/> on; -1 when none.</summary>
    private static int Previous(ReadOnlySpan<byte> document, int start, int at)
    {
        for (var i = at - 1; i >= start; i--)
        {
            if (document[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Reads the second part (on another thread): the <c>visits</c> records from the one after <paramref name="from"/>, then
    /// the document's properties after that array, <paramref name="seen"/> holding those the first part read.
    /// </summary>
    /// <returns>Whether the part was read to the document's end without a fault (a syntax error, a string that is not text) or being stopped.</returns>
    private bool ReadTail(int from, int seen)
    {
        var json = new Utf8JsonReader(new ReadOnlySpan<byte>(_document + from, _length - from), isFinalBlock: true, InsideArrayOfObject);
        try
        {
            ReadElements(ref json, SnapshotArrays.Visits);
            ReadProperties(ref json, seen);
            json.Read(); // Content after the document is a JSON error.
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false; // The first part reads on, and meets the fault itself.
        }
        catch (OperationCanceledException)
        {
            return false; // Stopped: the first part did not arrive at this part's first record.
        }
    }

    /// <summary>
    /// At the second part's first record, <paramref name="visitsBefore"/> visits read: waits for that part and, when it was
    /// read to the end, takes its records and problems after this part's.
    /// </summary>
    /// <returns>Whether the second part was taken (the document is read).</returns>
    private bool TakeTail(int visitsBefore)
    {
        if (!_tailRead!.GetAwaiter().GetResult())
        {
            return false;
        }

        var tail = _tail!;
        _tail = null;
        _tailRead = null;
        _offenderIdsShared = false;
        _handedOff = true;
        foreach (var visit in tail._visits)
        {
            visit.SourceIndex += visitsBefore;
        }

        _visits.AddRange(tail._visits);
        foreach (var problem in tail._problems)
        {
            _problems.Add(problem is { Array: SnapshotArrays.Visits, Index: { } index } ? problem with { Index = index + visitsBefore } : problem);
        }

        foreach (var record in tail._malformed)
        {
            if (record.Array != SnapshotArrays.Visits)
            {
                _malformed.Add(record);
                continue;
            }

            if (record.Partial is Visit partial)
            {
                partial.SourceIndex += visitsBefore;
            }

            _malformed.Add(record with { Index = record.Index + visitsBefore });
        }

        // An array or value the first part read is a repeated property in the second, which skips it: at most one
        // part holds each.
        _teams ??= tail._teams;
        _managers.AddRange(tail._managers);
        _offenders.AddRange(tail._offenders);
        _briefings.AddRange(tail._briefings);
        _overrides.AddRange(tail._overrides);
        _discussions.AddRange(tail._discussions);
        _detentions.AddRange(tail._detentions);
        _protections.AddRange(tail._protections);
        _schemaVersion ??= tail._schemaVersion;
        _asOf ??= tail._asOf;
        _extractedAt ??= tail._extractedAt;
        return true;
    }

    /// <summary>Stops the second part, if any, and waits for it to end; its reading is dropped, and this reader pools offenders' ids again.</summary>
    private void StopTail()
    {
        if (_tail is null)
        {
            return;
        }

        _tail._abandon = true;
        ((IAsyncResult)_tailRead!).AsyncWaitHandle.WaitOne();
        var failure = _tailRead.Exception;
        _tail = null;
        _tailRead = null;
        _offenderIdsShared = false;
        if (failure is not null)
        {
            // Not a fault of the document (those end the part's reading quietly): a defect, not to be hidden.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure.InnerException!).Throw();
        }
    }

    private static JsonReaderState AfterRecordInArray()
    {
        var json = new Utf8JsonReader("{\"records\":[{}"u8, isFinalBlock: false, new JsonReaderState(JsonInput.ReaderOptions));
        while (json.TokenType != JsonTokenType.EndObject)
        {
            json.Read();
        }

        return json.CurrentState;
    }
}
