using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Safeguarding.Rules.Serialization;

/// <summary>
/// Writing the contract's documents with <see cref="Utf8JsonWriter"/>: the same bytes on every run and machine
/// (line feeds only, invariant formats), streamed in chunks so a large document never becomes one string.
/// </summary>
internal static class JsonOutput
{
    /// <summary>Pending bytes above which the writer hands what it has to the stream.</summary>
    private const int FlushThreshold = 64 * 1024;

    /// <summary>Numbers with no exponent and no trailing zeros: <c>5</c>, <c>83.3</c>, <c>0.25</c>.</summary>
    private const string DecimalFormat = "0.############################";

    /// <summary>
    /// A writer over <paramref name="stream"/>. Non-ASCII text is written as UTF-8 rather than escaped: the documents are
    /// data files, never embedded in HTML. Indented output uses two spaces and line feeds on every platform.
    /// </summary>
    public static Utf8JsonWriter CreateWriter(Stream stream, bool indented)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var options = new JsonWriterOptions
        {
            Indented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
#if NET9_0_OR_GREATER
        options.NewLine = "\n";
#else
        if (indented && Environment.NewLine != "\n")
        {
            stream = new LineFeedStream(stream);
        }
#endif
        return new Utf8JsonWriter(stream, options);
    }

    /// <summary>Whether the writer holds enough pending bytes to hand them to its stream.</summary>
    public static bool IsFull(Utf8JsonWriter writer) => writer.BytesPending > FlushThreshold;

    /// <summary>Hands the pending bytes to the stream once there are enough of them.</summary>
    public static void FlushIfFull(Utf8JsonWriter writer)
    {
        if (writer.BytesPending > FlushThreshold)
        {
            writer.Flush();
        }
    }

    /// <summary>Writes <c>"name": "yyyy-MM-dd"</c>.</summary>
    public static void WriteDate(Utf8JsonWriter writer, JsonEncodedText name, DateOnly date)
    {
        Span<byte> text = stackalloc byte[16];
        date.TryFormat(text, out var length, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer.WriteString(name, text[..length]);
    }

    /// <summary>Writes <c>"name": number</c> with no exponent and no trailing zeros (<c>100</c>, <c>83.3</c>, <c>21.5</c>).</summary>
    public static void WriteDecimal(Utf8JsonWriter writer, JsonEncodedText name, decimal value)
    {
        Span<char> text = stackalloc char[64];
        value.TryFormat(text, out var length, DecimalFormat, CultureInfo.InvariantCulture);
        writer.WritePropertyName(name);
        writer.WriteRawValue(text[..length], skipInputValidation: true);
    }

    /// <summary>Creates (or replaces) the file at <paramref name="path"/> for writing; the writer does its own buffering.</summary>
    public static FileStream CreateFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
    }
}
