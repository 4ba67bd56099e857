using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace Safeguarding.Rules.Serialization;

/// <summary>
/// Reading a JSON document's bytes: a whole stream into one pooled, growing buffer (no string copy of the text),
/// the UTF-8 byte order mark, encoding checks, and positions for problem messages.
/// </summary>
internal static class JsonInput
{
    private const int InitialBufferSize = 64 * 1024;

    /// <summary>Buffers up to this size come from the shared pool (a power of two, so a rented buffer never exceeds it).</summary>
    private const int LargestPooledBuffer = 1024 * 1024;

    /// <summary>How deep objects and arrays may nest in a contract document (the parser's default, stated): the contract's own records nest five levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>The reader options for every contract document: strict JSON (no comments, no trailing commas), nested at most <see cref="MaxDepth"/> levels.</summary>
    public static JsonReaderOptions ReaderOptions { get; } = new() { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = MaxDepth };

    /// <summary>
    /// Reads <paramref name="stream"/> from its position to its end into one growing buffer and parses the bytes with
    /// <paramref name="parse"/>; the buffer is sized from the stream's length when it has one. Reading stops early at
    /// the first byte that no JSON document can hold (a control character other than tab, CR and LF, such as NUL; a
    /// byte that is not UTF-8; a first character that cannot start a JSON value), so <c>/dev/zero</c> or a binary file
    /// fails at once instead of after gigabytes; the parser then reports that fault with its position. Small documents use a
    /// buffer rented from the shared pool; large ones an array of their own, so the pool does not keep hundreds of
    /// megabytes alive. The buffer is cleared after parsing either way, because it may hold personal data.
    /// </summary>
    /// <param name="stream">The stream, read once from its position to its end.</param>
    /// <param name="parse">Parses the document's bytes.</param>
    /// <param name="tooLarge">Makes the result for a document larger than one .NET array can hold (about 2 GB).</param>
    /// <exception cref="IOException">The stream could not be read.</exception>
    public static T Parse<T>(Stream stream, Func<ReadOnlyMemory<byte>, T> parse, Func<T> tooLarge)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var segment))
        {
            var start = (int)Math.Min(memory.Position, segment.Count);
            memory.Position = segment.Count;
            return parse(segment.AsMemory(start));
        }

        var buffer = new Filling(InitialSize(stream));
        try
        {
            do
            {
                if (!buffer.MakeRoom())
                {
                    return tooLarge();
                }
            }
            while (buffer.Advance(stream.Read(buffer.Free.Span)));

            return parse(buffer.Filled);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>
    /// As <see cref="Parse{T}(Stream, Func{ReadOnlyMemory{byte}, T}, Func{T})"/>, reading the stream asynchronously;
    /// the bytes are parsed once they are all in (parsing is synchronous work on memory).
    /// </summary>
    /// <exception cref="IOException">The stream could not be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<T> ParseAsync<T>(Stream stream, Func<ReadOnlyMemory<byte>, T> parse, Func<T> tooLarge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        cancellationToken.ThrowIfCancellationRequested();
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var segment))
        {
            var start = (int)Math.Min(memory.Position, segment.Count);
            memory.Position = segment.Count;
            return parse(segment.AsMemory(start));
        }

        var buffer = new Filling(InitialSize(stream));
        try
        {
            do
            {
                if (!buffer.MakeRoom())
                {
                    return tooLarge();
                }
            }
            while (buffer.Advance(await stream.ReadAsync(buffer.Free, cancellationToken).ConfigureAwait(false)));

            return parse(buffer.Filled);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>Parses <paramref name="file"/> in place, mapped into memory, when it can be mapped (<see cref="MappedFile.TryMap"/>); the mapping ends with the parse.</summary>
    /// <returns>Whether the file was mapped and parsed.</returns>
    private static bool TryParseMapped<T>(FileStream file, Func<ReadOnlyMemory<byte>, T> parse, [MaybeNullWhen(false)] out T parsed)
    {
        using var mapped = MappedFile.TryMap(file);
        parsed = mapped is null ? default : parse(mapped.Memory);
        return mapped is not null;
    }

    /// <summary>
    /// Parses the file at <paramref name="path"/> in place, mapped into memory (<see cref="MappedFile"/>: no copy, no
    /// buffer), or, when it cannot be mapped (a pipe, a device, an empty file), reads it asynchronously as
    /// <see cref="ParseAsync{T}"/> does. A mapped file is parsed synchronously: parsing is work on memory either way.
    /// </summary>
    /// <exception cref="IOException">The file could not be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<T> ParseFileAsync<T>(string path, Func<ReadOnlyMemory<byte>, T> parse, Func<T> tooLarge, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
        await using (file.ConfigureAwait(false))
        {
            return TryParseMapped(file, parse, out var parsed) ? parsed : await ParseAsync(file, parse, tooLarge, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The first buffer's size: one byte more than what a seekable stream has left (so its end is seen without growing), else 64 KB.</summary>
    private static int InitialSize(Stream stream) =>
        stream.CanSeek ? (int)Math.Min(Math.Max(0, stream.Length - stream.Position) + 1, Array.MaxLength) : InitialBufferSize;

    /// <summary>
    /// Parses the file at <paramref name="path"/> in place, mapped into memory (<see cref="MappedFile"/>: no copy, no
    /// buffer), or, when it cannot be mapped (a pipe, a device, an empty file), reads it as
    /// <see cref="Parse{T}(Stream, Func{ReadOnlyMemory{byte}, T}, Func{T})"/> does.
    /// </summary>
    /// <exception cref="IOException">The file could not be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static T ParseFile<T>(string path, Func<ReadOnlyMemory<byte>, T> parse, Func<T> tooLarge)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return TryParseMapped(file, parse, out var parsed) ? parsed : Parse(file, parse, tooLarge);
    }

    /// <summary>The problem text for a document too large to read.</summary>
    public const string TooLarge = "is too large to read: a document must be smaller than 2 GB";

    /// <summary>The document without a leading UTF-8 byte order mark.</summary>
    public static ReadOnlySpan<byte> SkipByteOrderMark(ReadOnlySpan<byte> utf8Json) =>
        utf8Json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? utf8Json[3..] : utf8Json;

    /// <summary>Whether the document holds nothing but JSON whitespace.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> utf8Json) => utf8Json.IndexOfAnyExcept(" \t\r\n"u8) < 0;

    /// <summary>The offset of the first byte that is not valid UTF-8, or -1 when the whole document is valid.</summary>
    public static int IndexOfInvalidUtf8(ReadOnlySpan<byte> utf8Json)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            return -1;
        }

        Span<char> chars = stackalloc char[1024];
        var offset = 0;
        while (offset < utf8Json.Length)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(utf8Json[offset..], chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            offset += read;
            if (status is OperationStatus.InvalidData or OperationStatus.NeedMoreData)
            {
                return offset;
            }
        }

        return -1;
    }

    /// <summary>"line 3, byte position 17" (both counted from 1) for a zero-based offset into the document.</summary>
    public static string PositionOf(ReadOnlySpan<byte> utf8Json, int offset)
    {
        var before = utf8Json[..offset];
        var line = before.Count((byte)'\n');
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return Position(line, offset - lineStart);
    }

    /// <summary>"line 3, byte position 17" (both counted from 1) for the place a <see cref="JsonException"/> reports.</summary>
    public static string PositionOf(JsonException exception) => Position(exception.LineNumber ?? 0, exception.BytePositionInLine ?? 0);

    /// <summary>The problem text for a document that is not JSON. The parser's own message is left out: it can quote the text.</summary>
    public static string NotJson(JsonException exception) => "is not valid JSON: the error is at " + PositionOf(exception) + " (counting from 1)";

    /// <summary>
    /// The problem text for <paramref name="utf8Json"/>, which the parser stopped in with <paramref name="exception"/>:
    /// valid JSON up to a level deeper than <see cref="MaxDepth"/>, which is not read (named, with where that level
    /// starts), or else <see cref="NotJson(JsonException)"/>. Reads the document again, without a depth limit, only for this.
    /// </summary>
    public static string NotJson(JsonException exception, ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = int.MaxValue });
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth >= MaxDepth)
                {
                    return "nests objects and arrays more than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels deep, so it is not read: level "
                        + (MaxDepth + 1).ToString(CultureInfo.InvariantCulture) + " starts at " + PositionOf(utf8Json, (int)reader.TokenStartIndex) + " (counting from 1)";
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON before any level too deep: the first exception names the place.
        }

        return NotJson(exception);
    }

    /// <summary>The problem text for a document that is not UTF-8.</summary>
    public static string NotUtf8(ReadOnlySpan<byte> utf8Json, int offset) => "is not valid UTF-8 text: the error is at " + PositionOf(utf8Json, offset) + " (counting from 1)";

    /// <summary>
    /// The problem text for a string that escapes a lone UTF-16 surrogate (<c>"\uD800"</c>): valid JSON syntax, but not
    /// text, so it cannot be read. <paramref name="offset"/> is where the string starts.
    /// </summary>
    public static string NotUnicode(ReadOnlySpan<byte> utf8Json, long offset) =>
        "holds a string that is not valid Unicode text (an escaped lone surrogate): it starts at " + PositionOf(utf8Json, (int)Math.Min(offset, utf8Json.Length)) + " (counting from 1)";

    /// <summary>
    /// The problem with a document that is read into a <see cref="JsonDocument"/> (whose strings are only decoded when
    /// asked for, which then throws): a byte that is not UTF-8 (<see cref="NotUtf8"/>), or a string or property name that
    /// escapes a lone surrogate (<see cref="NotUnicode"/>). <see langword="null"/> when its text can be read; JSON syntax
    /// errors are left to the parser, which names their place.
    /// </summary>
    /// <param name="utf8Json">The document, without its byte order mark.</param>
    public static string? TextProblem(ReadOnlySpan<byte> utf8Json)
    {
        var invalid = IndexOfInvalidUtf8(utf8Json);
        if (invalid >= 0)
        {
            return NotUtf8(utf8Json, invalid);
        }

        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = int.MaxValue });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    try
                    {
                        _ = reader.GetString();
                    }
                    catch (InvalidOperationException)
                    {
                        return NotUnicode(utf8Json, reader.TokenStartIndex);
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the parser reports it.
        }

        return null;
    }

    /// <summary>"a string", "a number", "an object", ... for the current token, to say what was found instead of what was expected.</summary>
    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => "something else",
    };

    /// <summary>Reads the current number token as a whole number: <c>30</c>, and also <c>30.0</c> or <c>3e1</c>, which are the same number.</summary>
    /// <param name="reader">The reader, on a number token.</param>
    /// <param name="problem">Why the number is not read, or <see langword="null"/>.</param>
    /// <param name="outOfRange">
    /// The problem for a whole number beyond the 32-bit range (<c>1e400</c>), when the field has a narrower range of its
    /// own, so the message names the field's range rather than the int32 one; default the int32 range.
    /// </param>
    /// <returns>The value, or <see langword="null"/> with <paramref name="problem"/> saying why not.</returns>
    public static int? ReadWholeNumber(ref Utf8JsonReader reader, out string? problem, string? outOfRange = null)
    {
        problem = null;
        if (reader.TryGetInt32(out var value))
        {
            return value;
        }

        if (reader.TryGetDecimal(out var number))
        {
            if (number != decimal.Truncate(number))
            {
                problem = "must be a whole number; it has a fractional part";
                return null;
            }

            if (number >= int.MinValue && number <= int.MaxValue)
            {
                return (int)number;
            }
        }

        problem = outOfRange ?? "is out of range: it must be a whole number from " + int.MinValue.ToString(CultureInfo.InvariantCulture) + " to " + int.MaxValue.ToString(CultureInfo.InvariantCulture);
        return null;
    }

    /// <summary>
    /// Checks a document's bytes as they arrive for a fault the parser would stop at anyway, so reading can stop there:
    /// the checks cost one vectorised pass over each new chunk.
    /// </summary>
    private struct EarlyCheck
    {
        /// <summary>The bytes below 0x20 that JSON allows nowhere (tab, LF and CR are whitespace; others must be escaped in strings).</summary>
        private static readonly SearchValues<byte> ForbiddenControls = SearchValues.Create(
        [
            0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0B, 0x0C, 0x0E, 0x0F,
            0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F,
        ]);

        /// <summary>The bytes a JSON value can start with: an object, an array, a string, a number, true, false, null.</summary>
        private static readonly SearchValues<byte> ValueStarts = SearchValues.Create("{[\"-0123456789tfn"u8);

        private int _checked;
        private bool _startSeen;

        /// <summary>Checks the bytes read since the last call (<paramref name="read"/> is everything read so far).</summary>
        /// <returns>Whether <paramref name="read"/> holds a byte the parser will stop at.</returns>
        public bool FoundBadByte(ReadOnlySpan<byte> read)
        {
            if (!_startSeen)
            {
                ReadOnlySpan<byte> mark = [0xEF, 0xBB, 0xBF];
                if (read.Length < mark.Length && mark.StartsWith(read))
                {
                    return false; // Perhaps the start of a byte order mark: wait for more.
                }

                var content = SkipByteOrderMark(read);
                var first = content.IndexOfAnyExcept(" \t\r\n"u8);
                if (first >= 0)
                {
                    _startSeen = true;
                    if (!ValueStarts.Contains(content[first]))
                    {
                        return true;
                    }
                }
            }

            var fresh = read[_checked..];
            if (fresh.IndexOfAny(ForbiddenControls) >= 0)
            {
                return true;
            }

            // Validate up to the last whole UTF-8 sequence; an incomplete one at the end waits for its other bytes.
            var complete = fresh.Length - IncompleteTail(fresh);
            if (!System.Text.Unicode.Utf8.IsValid(fresh[..complete]))
            {
                return true;
            }

            _checked += complete;
            return false;
        }

        /// <summary>How many bytes at the end of <paramref name="bytes"/> start a UTF-8 sequence that needs more bytes (0 to 3).</summary>
        private static int IncompleteTail(ReadOnlySpan<byte> bytes)
        {
            for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
            {
                var b = bytes[^back];
                if ((b & 0xC0) == 0x80)
                {
                    continue; // A continuation byte: look further back for its lead byte.
                }

                var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return needed > back ? back : 0;
            }

            return 0;
        }
    }

    /// <summary>
    /// One growing buffer being filled from a stream, shared by the synchronous and asynchronous readers: room is made
    /// by doubling, and filling stops at the stream's end or at the first byte no JSON document can hold. Up to a
    /// megabyte the buffer comes from the shared pool; above, from native memory (<see cref="NativeBuffer"/>), so that
    /// a national file's bytes (600 MB at 1,000,000 offenders) leave the working set the moment the parse is done,
    /// instead of staying until the collector's next full collection while the evaluation allocates on top of them.
    /// </summary>
    private sealed class Filling : IDisposable
    {
        private Memory<byte> _buffer;
        private byte[]? _pooled;
        private NativeBuffer? _native;
        private int _length;
        private EarlyCheck _early;

        public Filling(int initialSize) => Allocate(initialSize);

        /// <summary>Where the next read goes.</summary>
        public Memory<byte> Free => _buffer[_length..];

        /// <summary>What has been read.</summary>
        public ReadOnlyMemory<byte> Filled => _buffer[.._length];

        /// <summary>Grows the buffer when it is full; <see langword="false"/> when it cannot grow (the document is too large).</summary>
        public bool MakeRoom()
        {
            if (_length < _buffer.Length)
            {
                return true;
            }

            if (_buffer.Length >= Array.MaxLength)
            {
                return false;
            }

            var (old, pooled, native) = (_buffer, _pooled, _native);
            Allocate((int)Math.Min((long)old.Length * 2, Array.MaxLength));
            old.Span[.._length].CopyTo(_buffer.Span);
            Release(old, pooled, native, _length);
            return true;
        }

        /// <summary>Takes <paramref name="read"/> bytes in; <see langword="false"/> when reading should stop.</summary>
        public bool Advance(int read)
        {
            if (read == 0)
            {
                return false;
            }

            _length += read;

            // At a bad byte the parser finds the same fault in what was read and names its position; the rest is never read.
            return !_early.FoundBadByte(_buffer.Span[.._length]);
        }

        /// <summary>Clears what was read and gives the buffer back (to the pool, or its native memory to the system).</summary>
        public void Dispose()
        {
            Release(_buffer, _pooled, _native, _length);
            (_buffer, _pooled, _native) = (Memory<byte>.Empty, null, null);
        }

        private static void Release(Memory<byte> buffer, byte[]? pooled, NativeBuffer? native, int used)
        {
            // The bytes may be personal data: clear what was used before the memory is shared or given back.
            buffer.Span[..Math.Min(used, buffer.Length)].Clear();
            if (pooled is not null)
            {
                ArrayPool<byte>.Shared.Return(pooled);
            }

            (native as IDisposable)?.Dispose();
        }

        private void Allocate(int size)
        {
            if (size <= LargestPooledBuffer)
            {
                _pooled = ArrayPool<byte>.Shared.Rent(size);
                _native = null;
                _buffer = _pooled;
            }
            else
            {
                _pooled = null;
                _native = new NativeBuffer(size);
                _buffer = _native.Memory;
            }
        }
    }

    private static string Position(long line, long bytePosition) =>
        "line " + (line + 1).ToString(CultureInfo.InvariantCulture) + ", byte position " + (bytePosition + 1).ToString(CultureInfo.InvariantCulture);
}
