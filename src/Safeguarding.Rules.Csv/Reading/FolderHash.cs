using System.Text;

namespace Safeguarding.Rules.Csv.Reading;

/// <summary>
/// The SHA-256 of a CSV folder (contract section 8): of the JCS (RFC 8785) form of the object that maps the name of
/// each section 9 file present to the SHA-256 hex of its bytes. The names are ASCII and the values hex, so JCS is the
/// members sorted by name, with no whitespace and nothing to escape.
/// </summary>
internal static class FolderHash
{
    public static string Of(SortedDictionary<string, string> fileHashes)
    {
        var json = new StringBuilder("{");
        foreach (var (name, hash) in fileHashes)
        {
            json.Append(json.Length > 1 ? "," : string.Empty).Append('"').Append(name).Append("\":\"").Append(hash).Append('"');
        }

        return Sha256Hex(Encoding.UTF8.GetBytes(json.Append('}').ToString()));
    }

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Serialization.Sha256Hex.Of(bytes);
}
