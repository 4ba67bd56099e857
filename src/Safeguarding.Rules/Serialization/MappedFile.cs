using System.IO.MemoryMappedFiles;

namespace Safeguarding.Rules.Serialization;

/// <summary>
/// A regular file's bytes mapped read-only into memory, for a document that is parsed in place: the operating system
/// shows the parser its page cache directly, so nothing is copied into a buffer of the process, no fresh memory is
/// touched (on a virtual machine each first touch of a page is a costly fault) and there is no buffer to clear
/// afterwards. Measured on a 67 MB snapshot (benchmarks/RESULTS.md, branch <c>cold</c>): the kernel's copy and its page
/// faults were a fifth of reading's time. Disposed exactly once, by its one owner, after every reader has finished.
/// </summary>
/// <remarks>
/// A file another program truncates while it is mapped cannot be read past its new end (the process would get a bus
/// error), so only files are mapped, never pipes or devices, and the mapping lasts exactly as long as the parse.
/// </remarks>
internal sealed unsafe class MappedFile : UnmanagedBytes
{
    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;

    private MappedFile(MemoryMappedFile map, MemoryMappedViewAccessor view, byte* pointer, int length)
        : base(pointer, length)
    {
        _map = map;
        _view = view;
    }

    /// <summary>
    /// Maps <paramref name="file"/> from its start to its current length, or gives <see langword="null"/> when it is not a
    /// file that can be mapped (it cannot seek, it is empty or a device reporting no length, it is larger than one
    /// span can hold, or the system refuses): then it is read as a stream instead.
    /// </summary>
    public static MappedFile? TryMap(FileStream file)
    {
        if (!file.CanSeek || file.Position != 0)
        {
            return null;
        }

        long length;
        try
        {
            length = file.Length;
        }
        catch (IOException)
        {
            return null;
        }

        if (length <= 0 || length > Array.MaxLength)
        {
            return null;
        }

        MemoryMappedFile? map = null;
        try
        {
            map = MemoryMappedFile.CreateFromFile(file, mapName: null, length, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
            var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            return new MappedFile(map, view, pointer + view.PointerOffset, (int)length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            map?.Dispose();
            return null;
        }
    }

    /// <inheritdoc/>
    protected override void Release(byte* pointer)
    {
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _map.Dispose();
    }
}
