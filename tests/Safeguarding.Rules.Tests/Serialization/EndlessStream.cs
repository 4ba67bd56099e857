namespace Safeguarding.Rules.Tests.Serialization;

/// <summary>
/// A stream that returns <paramref name="prefix"/> and then <paramref name="filler"/> for ever, like <c>/dev/zero</c>
/// after a header, and counts the bytes handed out: a reader that never stops would never return.
/// Reads stop with an exception after 64 MB so a reader that does not stop early fails the test instead of hanging.
/// </summary>
internal sealed class EndlessStream(byte[] prefix, byte filler) : Stream
{
    private const long Limit = 64L * 1024 * 1024;

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (BytesRead > Limit)
        {
            throw new IOException("The reader read " + BytesRead + " bytes of an endless stream without stopping.");
        }

        for (var i = 0; i < count; i++)
        {
            var at = BytesRead + i;
            buffer[offset + i] = at < prefix.Length ? prefix[at] : filler;
        }

        BytesRead += count;
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
