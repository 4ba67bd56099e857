using System.Security.Cryptography;

namespace Safeguarding.Rules.Serialization;

/// <summary>SHA-256 as 64 lowercase hexadecimal digits, the form of every hash in the decision record (contract section 8).</summary>
internal static class Sha256Hex
{
    public static string Of(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
#if NET9_0_OR_GREATER
        return Convert.ToHexStringLower(hash);
#else
        return Convert.ToHexString(hash).ToLowerInvariant();
#endif
    }
}
