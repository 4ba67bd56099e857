#if !NET9_0_OR_GREATER
namespace Safeguarding.Rules.Serialization;

/// <summary>
/// Passes bytes through without carriage returns, so that indented JSON has line feeds on every platform
/// (before .NET 9 <see cref="System.Text.Json.Utf8JsonWriter"/> indents with <see cref="Environment.NewLine"/>).
/// In the writer's JSON a carriage return byte can only be a line break: inside strings it is escaped.
/// </summary>
internal sealed class LineFeedStream(Stream inner) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var cr = buffer.IndexOf((byte)'\r');
            if (cr < 0)
            {
                inner.Write(buffer);
                return;
            }

            inner.Write(buffer[..cr]);
            buffer = buffer[(cr + 1)..];
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
#endif
