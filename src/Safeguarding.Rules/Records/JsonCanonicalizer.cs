using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Safeguarding.Rules.Records;

/// <summary>
/// The JSON Canonicalization Scheme of RFC 8785 (JCS) for the JSON this library writes: no whitespace, object
/// properties sorted by the UTF-16 code units of their names, arrays in their order, strings with only the escapes
/// RFC 8785 prescribes (<c>\"</c>, <c>\\</c>, <c>\b \t \n \f \r</c>, other control characters as <c>\u00xx</c>,
/// everything else as UTF-8), numbers as ECMAScript writes the IEEE 754 double they denote
/// (<see cref="EcmaScriptNumber"/>), and <c>true</c>, <c>false</c>, <c>null</c>.
/// </summary>
/// <remarks>
/// One pass of <see cref="Utf8JsonReader"/> per nesting level and no document object model: an object's members are
/// located (name and value byte range), sorted, and each value canonicalised from its own bytes. Names are unescaped
/// into one pooled buffer per object, strings into a pooled buffer, so the only allocations are the pools' rentals.
/// Input that is not I-JSON (RFC 7493: a property name repeated in an object, invalid UTF-8, an escaped lone surrogate,
/// a number beyond the range of a double) is refused.
/// </remarks>
internal static class JsonCanonicalizer
{
    /// <summary>The bytes a string cannot hold as they are: the quote, the backslash and the control characters.</summary>
    private static readonly SearchValues<byte> Escaped = SearchValues.Create([(byte)'"', (byte)'\\', .. Enumerable.Range(0, 0x20).Select(static b => (byte)b)]);

    private static readonly JsonReaderOptions Strict = new() { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = 256 };

    /// <summary>Writes the canonical form of the JSON text <paramref name="json"/> to <paramref name="output"/>.</summary>
    /// <exception cref="JsonException"><paramref name="json"/> is not one JSON value, or not I-JSON.</exception>
    public static void Write(ReadOnlySpan<byte> json, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var reader = new Utf8JsonReader(json, Strict);
        if (!reader.Read())
        {
            throw new JsonException("The text holds no JSON value.");
        }

        reader.Skip();
        if (reader.Read())
        {
            throw new JsonException("The text holds more than one JSON value.");
        }

        WriteValue(json, output);
    }

    /// <summary>The canonical form of <paramref name="json"/> as bytes.</summary>
    /// <exception cref="JsonException"><paramref name="json"/> is not one JSON value, or not I-JSON.</exception>
    public static byte[] Canonicalize(ReadOnlySpan<byte> json)
    {
        var output = new ArrayBufferWriter<byte>(Math.Max(16, json.Length));
        Write(json, output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Writes the canonical form of the one, already checked, JSON value in <paramref name="value"/>.</summary>
    private static void WriteValue(ReadOnlySpan<byte> value, IBufferWriter<byte> output)
    {
        var reader = new Utf8JsonReader(value, Strict);
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                WriteObject(value, ref reader, output);
                break;
            case JsonTokenType.StartArray:
                WriteArray(value, ref reader, output);
                break;
            case JsonTokenType.String:
                WriteString(ref reader, output);
                break;
            case JsonTokenType.Number:
                WriteNumber(ref reader, output);
                break;
            case JsonTokenType.True:
                Append(output, "true"u8);
                break;
            case JsonTokenType.False:
                Append(output, "false"u8);
                break;
            default:
                Append(output, "null"u8);
                break;
        }
    }

    private static void WriteArray(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, IBufferWriter<byte> output)
    {
        Append(output, "["u8);
        var first = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!first)
            {
                Append(output, ","u8);
            }

            first = false;
            var start = (int)reader.TokenStartIndex;
            var plain = reader.TokenType is JsonTokenType.String or JsonTokenType.Number && !reader.ValueIsEscaped;
            reader.Skip();
            WriteValue(json[start..(int)reader.BytesConsumed], plain, output);
        }

        Append(output, "]"u8);
    }

    private static void WriteObject(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, IBufferWriter<byte> output)
    {
        var members = ArrayPool<Member>.Shared.Rent(16);
        var names = ArrayPool<char>.Shared.Rent(256);
        var count = 0;
        var namesLength = 0;
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var longest = reader.ValueSpan.Length;
                if (namesLength + longest > names.Length)
                {
                    Grow(ref names, namesLength + longest);
                }

                var nameLength = CopyText(ref reader, names.AsSpan(namesLength));
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                var plain = reader.TokenType is JsonTokenType.String or JsonTokenType.Number && !reader.ValueIsEscaped;
                reader.Skip();
                if (count == members.Length)
                {
                    Grow(ref members, count + 1);
                }

                members[count++] = new Member(namesLength, nameLength, start, (int)reader.BytesConsumed, plain);
                namesLength += nameLength;
            }

            var sorted = members.AsSpan(0, count);
            sorted.Sort(new MemberOrder(names));
            Append(output, "{"u8);
            for (var i = 0; i < sorted.Length; i++)
            {
                var member = sorted[i];
                var name = names.AsSpan(member.NameStart, member.NameLength);
                if (i > 0)
                {
                    if (name.SequenceEqual(names.AsSpan(sorted[i - 1].NameStart, sorted[i - 1].NameLength)))
                    {
                        throw new JsonException("An object holds one property name twice, which I-JSON does not allow.");
                    }

                    Append(output, ","u8);
                }

                WriteText(name, output);
                Append(output, ":"u8);
                WriteValue(json[member.ValueStart..member.ValueEnd], member.Plain, output);
            }

            Append(output, "}"u8);
        }
        finally
        {
            ArrayPool<Member>.Shared.Return(members);
            ArrayPool<char>.Shared.Return(names);
        }
    }

    /// <summary>Writes a value: a <paramref name="plain"/> one from its bytes when <see cref="TryWritePlain"/> can, else through <see cref="WriteValue(ReadOnlySpan{byte}, IBufferWriter{byte})"/>.</summary>
    private static void WriteValue(ReadOnlySpan<byte> value, bool plain, IBufferWriter<byte> output)
    {
        if (!plain || !TryWritePlain(value, output))
        {
            WriteValue(value, output);
        }
    }

    /// <summary>
    /// The common values without a second reader: a string with no escape (its bytes are its text) and a whole number
    /// of at most 15 digits (which is exactly a double, and which ECMAScript writes as those digits). Anything else is
    /// left to <see cref="WriteValue(ReadOnlySpan{byte}, IBufferWriter{byte})"/>.
    /// </summary>
    /// <returns>Whether <paramref name="value"/> was written.</returns>
    private static bool TryWritePlain(ReadOnlySpan<byte> value, IBufferWriter<byte> output)
    {
        if (value[0] == (byte)'"')
        {
            var text = value[1..^1];
            if (!Utf8.IsValid(text))
            {
                throw new JsonException("A string is not valid UTF-8.");
            }

            WriteEscaped(text, output);
            return true;
        }

        var digits = value[0] == (byte)'-' ? value[1..] : value;
        if (digits.Length is 0 or > 15 || digits.ContainsAnyExceptInRange((byte)'0', (byte)'9') || (digits[0] == (byte)'0' && value.Length > 1))
        {
            // A fraction or an exponent, a long number, or -0 (written as 0).
            return false;
        }

        Append(output, value);
        return true;
    }

    private static void WriteText(ReadOnlySpan<char> name, IBufferWriter<byte> output)
    {
        if (name.Length <= 128 && Ascii.IsValid(name))
        {
            Span<byte> ascii = stackalloc byte[name.Length];
            Ascii.FromUtf16(name, ascii, out _);
            WriteEscaped(ascii, output);
            return;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(name.Length * 3);
        try
        {
            var status = Utf8.FromUtf16(name, bytes, out _, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                throw new JsonException("A property name holds a lone surrogate, which I-JSON does not allow.");
            }

            WriteEscaped(bytes.AsSpan(0, written), output);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static void WriteString(ref Utf8JsonReader reader, IBufferWriter<byte> output)
    {
        if (!reader.ValueIsEscaped)
        {
            if (!Utf8.IsValid(reader.ValueSpan))
            {
                throw new JsonException("A string is not valid UTF-8.");
            }

            WriteEscaped(reader.ValueSpan, output);
            return;
        }

        // Unescaped through UTF-16 so an escaped lone surrogate (\ud800) is refused rather than passed on.
        var chars = ArrayPool<char>.Shared.Rent(reader.ValueSpan.Length);
        try
        {
            var length = CopyText(ref reader, chars);
            WriteText(chars.AsSpan(0, length), output);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Unescapes the current name or string into <paramref name="destination"/>, refusing an escaped lone surrogate.</summary>
    private static int CopyText(ref Utf8JsonReader reader, Span<char> destination)
    {
        try
        {
            return reader.CopyString(destination);
        }
        catch (InvalidOperationException invalid)
        {
            throw new JsonException("A name or string is not valid Unicode (an escaped lone surrogate, or invalid UTF-8), which I-JSON does not allow.", invalid);
        }
    }

    /// <summary>Writes <c>"text"</c> with RFC 8785's escapes: <c>\"</c>, <c>\\</c>, the five short control escapes, <c>\u00xx</c> for the other control characters.</summary>
    private static void WriteEscaped(ReadOnlySpan<byte> utf8, IBufferWriter<byte> output)
    {
        Append(output, "\""u8);
        var from = 0;
        while (true)
        {
            var next = utf8[from..].IndexOfAny(Escaped);
            if (next < 0)
            {
                break;
            }

            var i = from + next;
            var b = utf8[i];
            Append(output, utf8[from..i]);
            from = i + 1;
            switch (b)
            {
                case (byte)'"':
                    Append(output, "\\\""u8);
                    break;
                case (byte)'\\':
                    Append(output, "\\\\"u8);
                    break;
                case (byte)'\b':
                    Append(output, "\\b"u8);
                    break;
                case (byte)'\t':
                    Append(output, "\\t"u8);
                    break;
                case (byte)'\n':
                    Append(output, "\\n"u8);
                    break;
                case (byte)'\f':
                    Append(output, "\\f"u8);
                    break;
                case (byte)'\r':
                    Append(output, "\\r"u8);
                    break;
                default:
                    Span<byte> escape = [(byte)'\\', (byte)'u', (byte)'0', (byte)'0', Hex(b >> 4), Hex(b & 0xF)];
                    Append(output, escape);
                    break;
            }
        }

        Append(output, utf8[from..]);
        Append(output, "\""u8);
    }

    private static byte Hex(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);

    private static void WriteNumber(ref Utf8JsonReader reader, IBufferWriter<byte> output)
    {
        if (!reader.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            throw new JsonException("A number is beyond the range of an IEEE 754 double, which I-JSON does not allow.");
        }

        var span = output.GetSpan(EcmaScriptNumber.MaxLength);
        output.Advance(EcmaScriptNumber.Format(value, span));
    }

    private static void Append(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }

    private static void Grow<T>(ref T[] array, int needed)
    {
        var larger = ArrayPool<T>.Shared.Rent(Math.Max(needed, array.Length * 2));
        array.AsSpan().CopyTo(larger);
        ArrayPool<T>.Shared.Return(array);
        array = larger;
    }

    /// <summary>An object member: its unescaped name in the names buffer and its value's bytes in the object's text.</summary>
    /// <remarks><paramref name="Plain"/>: a string or a number with no escape, which <see cref="TryWritePlain"/> may write from its bytes.</remarks>
    private readonly record struct Member(int NameStart, int NameLength, int ValueStart, int ValueEnd, bool Plain);

    /// <summary>RFC 8785 section 3.2.3: names compared as arrays of UTF-16 code units.</summary>
    private readonly struct MemberOrder(char[] names) : IComparer<Member>
    {
        public int Compare(Member x, Member y) =>
            names.AsSpan(x.NameStart, x.NameLength).SequenceCompareTo(names.AsSpan(y.NameStart, y.NameLength));
    }
}
