namespace Tariffs.Application.Tests.Intake;

/// <summary>A read-only stream that hands out its bytes a few at a time, as a slow network would.</summary>
internal sealed class TricklingStream(byte[] content, int seed, int maxRead) : Stream
{
    private readonly Random random = new(seed);
    private int position;

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(Math.Min(count, random.Next(1, maxRead + 1)), content.Length - position);
        Array.Copy(content, position, buffer, offset, n);
        position += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => content.Length;
    public override long Position { get => position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
