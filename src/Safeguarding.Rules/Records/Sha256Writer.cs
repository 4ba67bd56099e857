using System.Buffers;
using System.Security.Cryptography;

namespace Safeguarding.Rules.Records;

/// <summary>
/// A buffer writer that hashes what is written to it with SHA-256 instead of keeping it: a pooled 16 KB buffer is
/// handed to the hash each time it fills, so a canonical form of any size is hashed without being held in memory.
/// </summary>
internal sealed class Sha256Writer : IBufferWriter<byte>, IDisposable
{
    private const int BufferSize = 16 * 1024;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _written;

    /// <inheritdoc />
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _written += count;
    }

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Make(sizeHint);
        return _buffer.AsMemory(_written);
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Make(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>The SHA-256 of everything written, as 64 lowercase hexadecimal digits; the writer is then spent.</summary>
    public string Finish()
    {
        _hash.AppendData(_buffer, 0, _written);
        _written = 0;
        return Hex(_hash.GetHashAndReset());
    }

    /// <summary>Lowercase hexadecimal digits of <paramref name="bytes"/>.</summary>
    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    /// <inheritdoc />
    public void Dispose()
    {
        _hash.Dispose();
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    /// <summary>Makes room for <paramref name="sizeHint"/> bytes (at least one), hashing what the buffer holds first.</summary>
    private void Make(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }

        _hash.AppendData(_buffer, 0, _written);
        _written = 0;
        if (_buffer.Length < needed)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(needed);
        }
    }
}
