namespace Safeguarding.Rules.Tests.Serialization;

/// <summary>
/// A write-only stream that cannot seek and throws on every synchronous write or flush, as an ASP.NET Core response
/// body does by default: writing to it proves a writer is asynchronous all the way. It keeps what it was given.
/// </summary>
internal sealed class AsyncOnlyStream : Stream
{
    private readonly MemoryStream _written = new();

    /// <summary>Called before each asynchronous write, with the number of writes so far.</summary>
    public Action<int>? BeforeWrite { get; init; }

    public int Writes { get; private set; }

    public int Flushes { get; private set; }

    public byte[] Written => _written.ToArray();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

    public override void Write(ReadOnlySpan<byte> buffer) => throw new InvalidOperationException("Synchronous operations are disallowed.");

    public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        BeforeWrite?.Invoke(Writes);
        cancellationToken.ThrowIfCancellationRequested();
        await Task.Yield();
        Writes++;
        _written.Write(buffer.Span);
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flushes++;
        return Task.CompletedTask;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
