using System.Buffers;
using System.Runtime.InteropServices;

namespace Safeguarding.Rules.Serialization;

/// <summary>
/// A buffer in native memory, freed (and so given back to the operating system) when disposed rather than when the
/// garbage collector next collects the large-object heap: for a snapshot file's bytes, which are garbage the moment the
/// parse is done. Disposed exactly once, by its one owner, after every reader of its memory has finished.
/// </summary>
internal sealed unsafe class NativeBuffer : MemoryManager<byte>
{
    private readonly int _length;
    private byte* _pointer;

    /// <summary>Allocates <paramref name="length"/> bytes, uninitialised.</summary>
    public NativeBuffer(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        _length = length;
        _pointer = (byte*)NativeMemory.Alloc((nuint)length);
    }

    /// <inheritdoc/>
    public override Span<byte> GetSpan()
    {
        ObjectDisposedException.ThrowIf(_pointer == null, this);
        return new Span<byte>(_pointer, _length);
    }

    /// <inheritdoc/>
    public override MemoryHandle Pin(int elementIndex = 0)
    {
        ObjectDisposedException.ThrowIf(_pointer == null, this);
        ArgumentOutOfRangeException.ThrowIfNegative(elementIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(elementIndex, _length);
        return new MemoryHandle(_pointer + elementIndex);
    }

    /// <inheritdoc/>
    public override void Unpin()
    {
        // Native memory never moves.
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (_pointer != null)
        {
            NativeMemory.Free(_pointer);
            _pointer = null;
        }
    }
}
