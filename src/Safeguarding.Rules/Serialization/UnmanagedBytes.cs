using System.Buffers;

namespace Safeguarding.Rules.Serialization;

/// <summary>
/// Bytes outside the garbage-collected heap, seen as <see cref="Memory{T}"/>: a native buffer or a mapped file. The
/// memory never moves, so pinning is free; a subclass says how the memory is given back (<see cref="Release"/>), which
/// happens once, when its one owner disposes it after every reader has finished.
/// </summary>
internal abstract unsafe class UnmanagedBytes : MemoryManager<byte>
{
    private readonly int _length;
    private byte* _pointer;

    /// <summary>Takes ownership of <paramref name="length"/> bytes at <paramref name="pointer"/>.</summary>
    protected UnmanagedBytes(byte* pointer, int length)
    {
        _pointer = pointer;
        _length = length;
    }

    /// <inheritdoc/>
    public sealed override Span<byte> GetSpan()
    {
        ObjectDisposedException.ThrowIf(_pointer == null, this);
        return new Span<byte>(_pointer, _length);
    }

    /// <inheritdoc/>
    public sealed override MemoryHandle Pin(int elementIndex = 0)
    {
        ObjectDisposedException.ThrowIf(_pointer == null, this);
        ArgumentOutOfRangeException.ThrowIfNegative(elementIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(elementIndex, _length);
        return new MemoryHandle(_pointer + elementIndex);
    }

    /// <inheritdoc/>
    public sealed override void Unpin()
    {
        // The memory never moves.
    }

    /// <summary>
    /// A read-only stream over <paramref name="length"/> of the bytes from <paramref name="start"/>, read in place, for a
    /// reader that takes a stream; it must not be used after this is disposed.
    /// </summary>
    public Stream OpenRead(int start, int length)
    {
        ObjectDisposedException.ThrowIf(_pointer == null, this);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, _length - start);
        return new UnmanagedMemoryStream(_pointer + start, length);
    }

    /// <summary>Gives the memory at <paramref name="pointer"/> back; called once.</summary>
    protected abstract void Release(byte* pointer);

    /// <inheritdoc/>
    protected sealed override void Dispose(bool disposing)
    {
        if (_pointer != null)
        {
            var pointer = _pointer;
            _pointer = null;
            Release(pointer);
        }
    }
}
