using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Records;

/// <summary>
/// Computes the decision record of contract section 8 from what an evaluation kept (<see cref="RecordSource"/>): each
/// document is written as the library writes it, put in RFC 8785 canonical form and hashed, streaming, without holding
/// a canonical copy in memory.
/// </summary>
internal static class DecisionRecords
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The record of <paramref name="report"/>.</summary>
    public static DecisionRecord Compute(EvaluationReport report, RecordSource source) => new()
    {
        AsOfInstant = report.AsOfInstant,
        SnapshotSha256 = source.SnapshotSha256 ?? SnapshotSha256(source),
        PolicySha256 = CanonicalSha256(stream => PolicyWriter.Write(source.Basis.Policy, stream)),
        RulesSha256 = CanonicalSha256(stream => RuleCatalogueJson.Write(source.Basis.Rules(), stream)),
        FindingsSha256 = FindingsSha256(report.Findings),
    };

    /// <summary>The SHA-256 of the canonical form of the findings array as the findings document writes it, without <c>change</c>.</summary>
    public static string FindingsSha256(IReadOnlyList<Finding> findings)
    {
        using var hash = new Sha256Writer();
        var scratch = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(scratch, Compact);
        Append(hash, "["u8);
        for (var i = 0; i < findings.Count; i++)
        {
            if (i > 0)
            {
                Append(hash, ","u8);
            }

            FindingsJson.WriteFindingInCanonicalOrder(writer, findings[i], i, findings[i].Id);
            writer.Flush();
            var written = scratch.WrittenSpan;
            if (written.Contains((byte)'\\'))
            {
                // An escape: the canonicalizer writes each string's escapes as RFC 8785 does.
                JsonCanonicalizer.Write(written, hash);
            }
            else
            {
                // Members already in canonical order, no whitespace, no escapes, whole numbers as digits: canonical as written.
                Append(hash, written);
            }

            scratch.ResetWrittenCount();
            writer.Reset(scratch);
        }

        Append(hash, "]"u8);
        return hash.Finish();
    }

    /// <summary>The SHA-256 of the canonical form of the JSON text <paramref name="json"/>.</summary>
    /// <exception cref="JsonException"><paramref name="json"/> is not one I-JSON value.</exception>
    public static string CanonicalSha256(ReadOnlySpan<byte> json)
    {
        using var hash = new Sha256Writer();
        JsonCanonicalizer.Write(json, hash);
        return hash.Finish();
    }

    private static string CanonicalSha256(Action<Stream> write)
    {
        using var json = new MemoryStream();
        write(json);
        return CanonicalSha256(json.GetBuffer().AsSpan(0, (int)json.Length));
    }

    private static string SnapshotSha256(RecordSource source)
    {
        using var hash = new Sha256Stream();
        SnapshotWriter.Write(source.Snapshot!, hash, indented: false);
        return hash.Finish();
    }

    private static void Append(Sha256Writer output, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }
}
