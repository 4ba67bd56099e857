using System.Runtime.InteropServices;

namespace Safeguarding.Rules.Serialization;

/// <summary>
/// A buffer in native memory, freed (and so given back to the operating system) when disposed rather than when the
/// garbage collector next collects the large-object heap: for a snapshot file's bytes, which are garbage the moment the
/// parse is done. Disposed exactly once, by its one owner, after every reader of its memory has finished.
/// </summary>
internal sealed unsafe class NativeBuffer(int length) : UnmanagedBytes(Allocate(length), length)
{
    /// <inheritdoc/>
    protected override void Release(byte* pointer) => NativeMemory.Free(pointer);

    /// <summary>Allocates <paramref name="length"/> bytes, uninitialised.</summary>
    private static byte* Allocate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        return (byte*)NativeMemory.Alloc((nuint)length);
    }
}
