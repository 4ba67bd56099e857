using System.Text.Json;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Serialization;

/// <summary>
/// Reading most of the <c>visits</c> array on a second thread while this one reads the rest of the document. Visits
/// are the largest array (half of a snapshot's bytes); each thread tokenises the part of them the other reads only to
/// find where its own part starts or the array ends (<see cref="Utf8JsonReader.Skip"/>, which checks the syntax as
/// reading does). The result is exactly that
/// of a reading in one pass: the visits' problems go back in the document's order, and a fault in either part
/// (JSON syntax, a string that is not text) makes the document be read again in one pass, which names it as always.
/// </summary>
/// <remarks>
/// Ids stay one string per distinct id: the visits are read aside only when the offenders and managers have been
/// read, so every id a visit names is already in the pool; from then on the pool is only looked up
/// (<see cref="Utf8StringPool.Find(ReadOnlySpan{byte}, ref int)"/>, safe from both threads), and each thread adds an
/// id the pool does not hold (a visit naming no offender in the document) to a pool of its own.
/// </remarks>
internal sealed partial class SnapshotReader
{
    /// <summary>Documents shorter than this are read in one pass: a thread costs more than it saves.</summary>
    internal const int ReadAsideBytes = 1024 * 1024;

    private const int NamedManagers = 1;
    private const int NamedOffenders = 2;

    /// <summary>The document (without a byte order mark) when a part of it may be read aside; empty otherwise.</summary>
    private ReadOnlyMemory<byte> _document;

    /// <summary>The pool as it was when the visits were sent aside, only looked up from then on; <see langword="null"/> before.</summary>
    private Utf8StringPool? _shared;

    /// <summary>The place in this reader's own pool (see <see cref="_shared"/>) of the ids it adds.</summary>
    private int _ownCursor;

    /// <summary>Which of the arrays other records name (<see cref="NamedManagers"/>, <see cref="NamedOffenders"/>) have been read.</summary>
    private int _named;

    private Task<SnapshotReader?>? _aside;
    private int _asideProblemsAt;
    private int _asideMalformedAt;

    private bool CanReadAside => !_document.IsEmpty && _aside is null && _named == (NamedManagers | NamedOffenders);

    /// <summary>
    /// Reads the <c>visits</c> array, the reader on its start, in two parts: this thread reads the records that start in
    /// the first <see cref="OwnShare"/> of the rest of the document and then skips the others to the array's end
    /// (its second part is read on another thread); the other thread skips the first part and reads the second.
    /// </summary>
    private void ReadAside(ref Utf8JsonReader json)
    {
        var shared = _shared = _strings;
        _strings = new Utf8StringPool();
        var start = (int)json.TokenStartIndex;
        var split = start + ((_document.Length - start) / OwnShare);
        var array = _document[start..];

        // A thread of its own: the pool's threads may be busy with work queued before (compiling the engine, hashing the input).
        _aside = Task.Factory.StartNew(() => ReadVisits(array, split - start, shared), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        ReadElements(ref json, SnapshotArrays.Visits, stopAt: split);
        _asideProblemsAt = _problems.Count;
        _asideMalformedAt = _malformed.Count;
        while (json.TokenType != JsonTokenType.EndArray)
        {
            json.Skip();
            json.Read();
        }
    }

    /// <summary>
    /// This thread's part of the visits: the records that start in the first 1/<see cref="OwnShare"/> of the document
    /// after the array's start. Chosen so that both threads finish together on generated caseloads, where visits are
    /// 70% of the bytes after their start and this thread still has the briefings and child-protection records to read.
    /// </summary>
    private const int OwnShare = 7;

    /// <summary>Reads the records of the <c>visits</c> array at the start of <paramref name="array"/> that start at <paramref name="from"/> or later.</summary>
    /// <returns>The reader holding those visits and their problems, or <see langword="null"/> at a fault of the document.</returns>
    private static SnapshotReader? ReadVisits(ReadOnlyMemory<byte> array, int from, Utf8StringPool shared)
    {
        var reader = new SnapshotReader(0) { _shared = shared };
        var json = new Utf8JsonReader(array.Span, JsonInput.ReaderOptions);
        try
        {
            json.Read();
            var index = 0;
            while (json.Read() && json.TokenType != JsonTokenType.EndArray)
            {
                if (json.TokenStartIndex >= from)
                {
                    reader.ReadElement(ref json, SnapshotArrays.Visits, index);
                    reader.ReadElements(ref json, SnapshotArrays.Visits, index + 1);
                    break;
                }

                json.Skip();
                index++;
            }

            return reader;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return null; // The document is read again in one pass, which reports the fault in its place.
        }
    }

    private void WaitForAside()
    {
        if (_aside is { IsCompleted: false })
        {
            Task.WaitAny(_aside);
        }
    }

    /// <summary>Puts the visits read aside, and their problems, in their place in the document's order.</summary>
    /// <returns>Whether they were read; <see langword="false"/> when the part read aside met a fault.</returns>
    private bool TakeAside()
    {
        if (_aside!.GetAwaiter().GetResult() is not { } aside)
        {
            return false;
        }

        _visits.AddRange(aside._visits);
        _problems.InsertRange(_asideProblemsAt, aside._problems);
        _malformed.InsertRange(_asideMalformedAt, aside._malformed);
        return true;
    }
}
